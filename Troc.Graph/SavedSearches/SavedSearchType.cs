using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Troc.Domain.SavedSearches;
using Troc.Domain.Search;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;
using Troc.Graph.Listings;
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
                    throw new ExecutionError($"`first` must be between 1 and {SearchQueries.MaxFirst}.") { Code = RequestErrorCodes.PaginationInvalid };
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
