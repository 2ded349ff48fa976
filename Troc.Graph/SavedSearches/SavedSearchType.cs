using System.Globalization;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;
using Troc.Domain.SavedSearches;
using Troc.Domain.Search;
using Troc.Graph.Categories;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;
using Troc.Graph.Geography;
using Troc.Graph.Listings;
using Troc.Graph.Places;
using Troc.Graph.Search;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.SavedSearches;

/// <summary>A saved search. Only its owner ever reaches one (`me.savedSearches`, `node(id)`, their matches).</summary>
public sealed class SavedSearchType : ObjectGraphType<SavedSearch>
{
    public const string TypeName = "SavedSearch";

    public SavedSearchType()
    {
        Name = TypeName;
        Description = "A search you keep under a name: run it again with `results`, and with `notify` be alerted of new listings that match it. Private to you.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is SavedSearch;

        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Globally unique, opaque identifier of this object.")
            .Resolve(context => GlobalId(context.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name")
            .Description("The name you gave it (1–60 characters).")
            .Resolve(context => context.Source.Name);
        Field<StringGraphType>("query")
            .Description("The free text searched for, as `searchListings(query)`; null for none.")
            .Resolve(context => context.Source.Definition.Criteria.Text);
        Field<SavedSearchNearType>("near")
            .Description("The circle searched in; null to search everywhere.")
            .Resolve(context => context.Source.Definition.Criteria.Near is null ? null : context.Source.Definition);
        Field<NonNullGraphType<SavedSearchFilterType>>("where")
            .Description("The filters, as `searchListings(where)`.")
            .Resolve(context => context.Source.Definition);
        Field<NonNullGraphType<BooleanGraphType>>("notify")
            .Description("True when new matching listings raise alerts (`savedSearchMatched`, `me.savedSearchMatches`).")
            .Resolve(context => context.Source.Notify);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt")
            .Description("When you saved it (UTC).")
            .Resolve(context => context.Source.CreatedAt);
        Field<DateTimeGraphType>("lastMatchedAt")
            .Description("When a new listing last matched it (UTC); null before the first match.")
            .Resolve(context => context.Source.LastMatchedAt);
        Field<NonNullGraphType<IntGraphType>>("unreadMatchCount")
            .Description("How many of its matches you have not marked read (listings since archived, or of members blocked since, do not count).")
            .Resolve(context => context.RequestServices!.GetRequiredService<UnreadMatchCountBySavedSearchId>().Load(context.Source.Id)
                .Then(count => count));
        Field<NonNullGraphType<ListingSearchConnectionType>>("results")
            .Description("Runs the search now: the same results as `searchListings` with the same arguments (`ACTIVE` listings, forward pages).")
            .Argument<ListingSearchOrderType>("order", "How to order results; RELEVANCE with a query, NEWEST without, by default. DISTANCE needs `near` (NEAR_REQUIRED).")
            .Argument<IntGraphType>("first", $"How many results to return, 1 to {SearchQueries.MaxFirst} (default {SearchQueries.DefaultFirst}).")
            .Argument<StringGraphType>("after", "Returns the results after this cursor (an `endCursor` of the same search and order).")
            .ResolveAsync(async context =>
            {
                var size = context.GetArgument<int?>("first") ?? SearchQueries.DefaultFirst;
                if (size is < 1 or > SearchQueries.MaxFirst)
                    throw new ExecutionError($"`first` must be between 1 and {SearchQueries.MaxFirst}.") { Code = "PAGINATION_INVALID" };
                // Searched as the member reading it now (blocks included), not as stored.
                var criteria = context.Source.Definition.Criteria with { ViewerId = context.User.UserId() };
                var order = context.GetArgument<ListingSearchOrder?>("order")
                    ?? (criteria.HasText ? ListingSearchOrder.Relevance : ListingSearchOrder.Newest);
                if (ListingSearchArguments.CheckOrder(criteria, order) is { } error) throw error.ToExecutionError();
                var services = context.RequestServices!;
                return await ListingSearchPages.PageAsync(context, criteria with { Order = order }, context.GetArgument<string?>("after"), size,
                    services.GetRequiredService<ListingSearch>(), services.GetRequiredService<ListingById>(), context.CancellationToken);
            });
    }

    public static string GlobalId(Guid id) => Common.GlobalId.Encode(TypeName, id.ToString("N"));

    public static bool TryDecode(string? id, out Guid key) => Common.GlobalId.TryDecodeGuid(id, TypeName, out key);
}

/// <summary>`SavedSearch.near`: the centre (a point or a place) and the radius.</summary>
public sealed class SavedSearchNearType : ObjectGraphType<SavedSearchDefinition>
{
    public SavedSearchNearType()
    {
        Name = "SavedSearchNear";
        Description = "The circle a saved search looks in.";
        Field<NonNullGraphType<CoordinatesType>>("center")
            .Description("The centre: the point given, or the centre of `place`.")
            .Resolve(context => context.Source.Criteria.Near!.Value);
        Field<NonNullGraphType<FloatGraphType>>("radiusKm")
            .Description("The radius, in kilometres.")
            .Resolve(context => context.Source.Criteria.RadiusKm);
        Field<PlaceType>("place")
            .Description("The place the search is centred on, when it was given as a `placeId`; null for a point.")
            .Resolve(context => context.Source.PlaceCode is { } code
                ? context.RequestServices!.GetRequiredService<PlaceById>().Load(code)
                : null);
    }
}

/// <summary>`SavedSearch.where`: the filters as chosen.</summary>
public sealed class SavedSearchFilterType : ObjectGraphType<SavedSearchDefinition>
{
    public SavedSearchFilterType()
    {
        Name = "SavedSearchFilter";
        Description = "The filters of a saved search, as chosen (a parent category stays a parent; it still includes its subcategories).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("Listings filed under these categories (each with its subcategories); empty for all.")
            .Resolve(context => context.RequestServices!.GetRequiredService<CategoryById>()
                .LoadMany(context.Source.CategoryIds ?? [])
                .Then(categories => categories.OfType<Troc.Domain.Categories.Category>().ToArray()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Catalogue.ItemTypeType>>>>("itemTypes")
            .Description("Listings of one of these item types; empty for any.")
            .Resolve(context => context.RequestServices!.GetRequiredService<Catalogue.ItemTypeById>()
                .LoadMany(context.Source.Criteria.ItemTypeIds ?? [])
                .Then(itemTypes => itemTypes.OfType<Troc.Domain.Catalogue.StoredItemType>().ToArray()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemConditionType>>>>("conditions")
            .Description("Listings in one of these conditions; empty for any.")
            .Resolve(context => context.Source.Criteria.Conditions ?? []);
        Field<NonNullGraphType<BooleanGraphType>>("excludeMine")
            .Description("True when your own listings are left out of `results` (they never raise alerts anyway).")
            .Resolve(context => context.Source.Criteria.ExcludeOwnerId is not null);
        Field<DateTimeGraphType>("postedAfter")
            .Description("Only listings published after this instant (UTC); null for any.")
            .Resolve(context => context.Source.Criteria.PostedAfter);
    }
}

/// <summary>What a match is, stored or live: ids and instants only; the rest is reloaded for whoever reads it.</summary>
public sealed record SavedSearchMatched(long MatchId, Guid SavedSearchId, Guid OwnerId, Guid ListingId, DateTime CreatedAt, DateTime? ReadAt)
{
    public static SavedSearchMatched From(SavedSearchAlert alert) =>
        new(alert.Id, alert.SavedSearchId, alert.OwnerId, alert.ListingId, alert.CreatedAt, alert.ReadAt);

    public static SavedSearchMatched From(RaisedAlert alert) =>
        new(alert.AlertId, alert.SavedSearchId, alert.OwnerId, alert.ListingId, alert.CreatedAt, null);
}

public sealed class SavedSearchMatchType : ObjectGraphType<SavedSearchMatched>
{
    public const string TypeName = "SavedSearchMatch";

    public SavedSearchMatchType()
    {
        Name = TypeName;
        Description = "A listing that matched one of your saved searches when it went on offer. Raised once per search and listing.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Globally unique, opaque identifier of this match; pass the newest you showed as `markSavedSearchMatchesRead(upToMatchId)`.")
            .Resolve(context => GlobalId.Encode(TypeName, context.Source.MatchId.ToString(CultureInfo.InvariantCulture)));
        Field<NonNullGraphType<SavedSearchType>>("savedSearch")
            .Description("The saved search it matched.")
            .Resolve(context =>
            {
                var viewer = context.User.UserId();
                return context.RequestServices!.GetRequiredService<SavedSearchById>().Load(context.Source.SavedSearchId)
                    .Then(search => search is not null && search.OwnerId == viewer
                        ? search
                        : throw new ExecutionError("This saved search no longer exists.") { Code = "SAVED_SEARCH_NOT_FOUND" });
            });
        Field<ListingType>("listing")
            .Description("The listing as it now stands; null when you may no longer see it (archived by its owner).")
            .Resolve(context => context.RequestServices!.GetRequiredService<ListingById>().Load(context.Source.ListingId)
                .Then(listing => listing is not null && ListingService.IsVisibleTo(listing, context.User.UserId()) ? listing : null));
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt")
            .Description("When the match was found (UTC).")
            .Resolve(context => context.Source.CreatedAt);
        Field<DateTimeGraphType>("readAt")
            .Description("When you marked it read (UTC); null while unread.")
            .Resolve(context => context.Source.ReadAt);
    }

    public static bool TryDecode(string? id, out long key)
    {
        key = 0;
        return GlobalId.TryDecode(id, TypeName, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out key);
    }
}

public sealed class SavedSearchById(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<Guid, SavedSearch>
{
    protected override async Task<IReadOnlyDictionary<Guid, SavedSearch>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedSearches.AsNoTracking().Where(s => keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
    }
}

public sealed class UnreadMatchCountBySavedSearchId(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<Guid, int>
{
    protected override async Task<IReadOnlyDictionary<Guid, int>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = db.SavedSearchAlerts.AsNoTracking().Where(a => keys.Contains(a.SavedSearchId) && a.ReadAt == null);
        return await SavedSearchService.WhereStillVisible(unread, db)
            .GroupBy(a => a.SavedSearchId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}

/// <summary>`node(id)` finds a saved search for its owner only: for anyone else it does not exist.</summary>
internal sealed class SavedSearchNodeResolver : INodeResolver
{
    public string TypeName => SavedSearchType.TypeName;

    public IDataLoaderResult<object?>? Resolve(IServiceProvider services, string key, System.Security.Claims.ClaimsPrincipal? viewer) =>
        Guid.TryParseExact(key, "N", out var id) && viewer.UserId() is { } viewerId
            ? services.GetRequiredService<SavedSearchById>().Load(id)
                .Then(search => search is not null && search.OwnerId == viewerId ? (object?)search : null)
            : null;
}
