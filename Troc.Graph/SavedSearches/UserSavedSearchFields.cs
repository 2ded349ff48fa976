using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Troc.Domain.Persistence;
using Troc.Domain.SavedSearches;
using Troc.Domain.Users;
using Troc.Graph.Common;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.SavedSearches;

/// <summary>`User.savedSearches` and `User.savedSearchMatches`: private to the member.</summary>
public static class UserSavedSearchFields
{
    public const int MaxFirst = 100;

    // Cursors are opaque like every other: clients must not build them from match ids (keyset on the id underneath).
    private const string MatchCursor = "SavedSearchMatchCursor";

    public static void AddTo(ObjectGraphType<User> userType)
    {
        userType.Field<ListGraphType<NonNullGraphType<SavedSearchType>>>("savedSearches")
            .Description($"The member's saved searches, newest first (at most {SavedSearch.MaxPerOwner}).")
            .ResolveAsync(async context =>
            {
                await using var db = await DbFactory(context).CreateDbContextAsync(context.CancellationToken);
                return await db.SavedSearches.AsNoTracking()
                    .Where(s => s.OwnerId == context.Source.Id)
                    .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
                    .ToListAsync(context.CancellationToken);
            })
            .OwnerOnly(user => user.Id);

        userType.Field<ConnectionType<SavedSearchMatchType, SavedSearchMatched>>("savedSearchMatches")
            .Description("Listings that matched the member's saved searches, newest first: what `savedSearchMatched` pushed, or would have " +
                "while they were away. Matches of listings archived since, or of members blocked since (either way), are left out. `unreadOnly: true` with `totalCount` is the badge.")
            .Argument<BooleanGraphType>("unreadOnly", "True for the matches not yet marked read only.")
            .Argument<IntGraphType>("first", $"Returns the first n matches after `after` (0–{MaxFirst}, default {PageRequest.DefaultSize}).")
            .Argument<StringGraphType>("after", "Returns the matches after this cursor (an `endCursor`).")
            .ResolveAsync(async context =>
            {
                var size = context.GetArgument<int?>("first") ?? PageRequest.DefaultSize;
                if (size is < 0 or > MaxFirst)
                    throw new ExecutionError($"`first` must be between 0 and {MaxFirst}.") { Code = RequestErrorCodes.PaginationInvalid };
                long? after = null;
                if (context.GetArgument<string?>("after") is { } cursor)
                    after = GlobalId.TryDecode(cursor, MatchCursor, out var key) && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                        ? id : throw PageRequest.InvalidCursor("after");
                await using var db = await DbFactory(context).CreateDbContextAsync(context.CancellationToken);
                var matches = SavedSearchService.VisibleAlerts(db, context.Source.Id);
                if (context.GetArgument<bool?>("unreadOnly") == true) matches = matches.Where(a => a.ReadAt == null);
                var total = await matches.CountAsync(context.CancellationToken);
                var page = after is { } before ? matches.Where(a => a.Id < before) : matches;
                var rows = await page.OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(context.CancellationToken);
                var edges = rows.Take(size)
                    .Select(a => new Edge<SavedSearchMatched>(GlobalId.Encode(MatchCursor, a.Id), SavedSearchMatched.From(a)))
                    .ToList();
                var pageInfo = new PageInfo(
                    HasNextPage: rows.Count > size,
                    HasPreviousPage: after is not null,
                    StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
                    EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
                return (object?)new Connection<SavedSearchMatched>(edges, pageInfo, total);
            })
            .OwnerOnly(user => user.Id);
    }

    private static IDbContextFactory<TrocDbContext> DbFactory(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<TrocDbContext>>();
}
