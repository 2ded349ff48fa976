using System.ComponentModel;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Troc.Domain.Persistence;
using Troc.Domain.Places;
using Troc.Domain.Search;
using Troc.Graph.Catalogue;
using Troc.Graph.Common;
using Troc.Graph.Listings;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.Search;

public sealed class SearchQueries
{
    public const int DefaultFirst = 20;
    public const int MaxFirst = 50;

    [GraphQLMetadata("searchListings")]
    [Description(
        "Searches listings on offer (`ACTIVE` only). `query` is French free text in web-search syntax (`\"vélo rouge\"` for a phrase, " +
        "`-enfant` to exclude, `or`); accents, case and plurals do not matter, and plain words also match titles with small typos. " +
        "`near` keeps listings within a radius of a point or place (by their blurred point), `where` filters, `order` sorts " +
        "(RELEVANCE by default with a query, NEWEST without). Signed in, you never see listings of members you block or who block you. Pages go forward only: `first` (1–50, default 20) and `after: pageInfo.endCursor`; " +
        "cursors are keyset positions, so listings published between two pages cause neither duplicates nor holes. " +
        "Errors (in `errors`, with `extensions.code`): `QUERY_TOO_LONG` past 200 characters, `INVALID_RADIUS` unless 0 < radiusKm ≤ 500, " +
        "`INVALID_COORDINATES` for an out-of-range point or not exactly one of point/place, `PLACE_NOT_FOUND`, `CATEGORY_NOT_FOUND`, " +
        "`ITEM_TYPE_NOT_FOUND`, `TOO_MANY_ITEM_TYPES` past 20 item types, " +
        "`NEAR_REQUIRED` for DISTANCE without `near`, `PAGINATION_INVALID` for a bad `first` or `after`.")]
    [OutputType(typeof(GraphQL.Types.NonNullGraphType<ListingSearchConnectionType>))]
    public static async Task<ListingSearchResult> SearchListings(
        IResolveFieldContext context,
        [FromServices] ListingSearch search,
        [FromServices] PlaceDirectory places,
        [FromServices] ListingById listings,
        [FromServices] IDbContextFactory<TrocDbContext> dbFactory,
        CancellationToken cancellationToken,
        [Description("Free text, at most 200 characters; omit or leave blank to list everything that matches the filters.")]
        string? query = null,
        [InputType(typeof(NearInputType)), Description("Only listings within this circle; needed for DISTANCE order and `distanceKm`.")]
        NearInput? near = null,
        [InputType(typeof(ListingFilterInputType)), Description("Filters on category, item type, condition, owner and publication date.")]
        ListingFilterInput? where = null,
        [InputType(typeof(ListingSearchOrderType)), Description("How to order results; RELEVANCE with a query, NEWEST without, by default.")]
        ListingSearchOrder? order = null,
        [Description("How many results to return, 1 to 50 (default 20).")]
        int? first = DefaultFirst,
        [Description("Returns the results after this cursor (an `endCursor` or edge `cursor` of the same search).")]
        string? after = null)
    {
        var size = first ?? DefaultFirst;
        if (size is < 1 or > MaxFirst)
            throw new ExecutionError($"`first` must be between 1 and {MaxFirst}.") { Code = RequestErrorCodes.PaginationInvalid };
        var (validated, error) = await ListingSearchArguments.BuildAsync(
            query, near, where, order, context.User.UserId(), search, places, dbFactory, cancellationToken);
        if (error is not null) throw error.ToExecutionError();
        return await ListingSearchPages.PageAsync(context, validated!.Criteria, after, size, search, listings, cancellationToken);
    }

    [GraphQLMetadata("searchSuggestions")]
    [Description(
        "As-you-type completions for the search box: title words of listings on offer, catalogue item types and categories " +
        "whose words start with `prefix` (accents and case do not matter), the most listings first, each with how many listings it leads to. " +
        "A blank prefix gives an empty list. Errors (in `errors`, with `extensions.code`): `PREFIX_TOO_LONG` past 100 characters, " +
        "`FIRST_OUT_OF_RANGE` unless 1 ≤ first ≤ 20.")]
    [OutputType(typeof(GraphQL.Types.NonNullGraphType<GraphQL.Types.ListGraphType<GraphQL.Types.NonNullGraphType<SearchSuggestionType>>>))]
    public static async Task<IReadOnlyList<SearchSuggestion>> SearchSuggestions(
        [FromServices] SearchSuggestions suggestions,
        CancellationToken cancellationToken,
        [Description("What has been typed so far, at most 100 characters.")]
        string prefix,
        [Description("How many suggestions to return, 1 to 20 (default 8).")]
        int? first = Troc.Domain.Search.SearchSuggestions.DefaultFirst)
    {
        if (prefix.Length > Troc.Domain.Search.SearchSuggestions.MaxPrefixLength)
            throw new ExecutionError($"`prefix` must be at most {Troc.Domain.Search.SearchSuggestions.MaxPrefixLength} characters.") { Code = RequestErrorCodes.PrefixTooLong };
        var size = first ?? Troc.Domain.Search.SearchSuggestions.DefaultFirst;
        if (size is < 1 or > Troc.Domain.Search.SearchSuggestions.MaxFirst)
            throw new ExecutionError($"`first` must be between 1 and {Troc.Domain.Search.SearchSuggestions.MaxFirst}.") { Code = RequestErrorCodes.FirstOutOfRange };
        return await suggestions.SuggestAsync(prefix, size, cancellationToken);
    }
}

/// <summary>Search results as connections (not a GraphQL class: its methods are helpers, not fields).</summary>
public static class ListingSearchPages
{
    /// <summary>One page of a validated search, as `searchListings` and `SavedSearch.results` return it.</summary>
    public static async Task<ListingSearchResult> PageAsync(IResolveFieldContext context,
        ListingSearchCriteria criteria, string? after, int size, ListingSearch search, ListingById listings, CancellationToken cancellationToken)
    {
        criteria = await search.ResolveTypoToleranceAsync(criteria, cancellationToken);
        // The counts do not depend on the page: when the operation asks for them, their statement runs on its own
        // connection while the page and its listings load, instead of after them.
        var wantsCounts = context.SubFields?.Values.Any(f => f.Field.Name.StringValue is "totalCount" or "facets") == true;
        var facets = wantsCounts ? search.FacetsAsync(criteria, cancellationToken) : null;
        ListingSearchPage page;
        try
        {
            page = await search.PageAsync(criteria, after, size, cancellationToken);
        }
        catch (InvalidSearchCursorException)
        {
            if (facets is not null) await facets.ContinueWith(_ => { }, TaskScheduler.Default);
            throw PageRequest.InvalidCursor("after");
        }

        // One batch through the request's loader: the nodes' nested fields (owner, category…) batch as usual.
        var loaded = await listings.LoadMany(page.Hits.Select(h => h.ListingId)).GetResultAsync(cancellationToken);
        var edges = new List<ListingSearchEdge>(page.Hits.Count);
        for (var i = 0; i < page.Hits.Count; i++)
            if (loaded[i] is { } listing)
                edges.Add(new ListingSearchEdge(page.Hits[i].Cursor, listing, page.Hits[i].DistanceKm));

        var pageInfo = new PageInfo(
            HasNextPage: page.HasNextPage,
            HasPreviousPage: after is not null,
            StartCursor: page.Hits.Count > 0 ? page.Hits[0].Cursor : null,
            EndCursor: page.Hits.Count > 0 ? page.Hits[^1].Cursor : null);
        return new ListingSearchResult(edges, pageInfo, () => facets ?? search.FacetsAsync(criteria, cancellationToken),
            first => search.ItemTypeFacetsAsync(criteria, first, cancellationToken));
    }
}
