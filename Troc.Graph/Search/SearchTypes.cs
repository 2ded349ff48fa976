using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Listings;
using Troc.Domain.Search;
using Troc.Graph.Categories;
using Troc.Graph.Common;
using Troc.Graph.Listings;

namespace Troc.Graph.Search;

/// <summary>One page of search results; the counts are computed only when asked for, once.</summary>
public sealed class ListingSearchResult(IReadOnlyList<ListingSearchEdge> edges, PageInfo pageInfo, Func<Task<ListingSearchFacets>> facets,
    Func<int?, Task<IReadOnlyList<(int ItemTypeId, int Count)>>>? itemTypeFacets = null)
{
    private readonly Lazy<Task<ListingSearchFacets>> _facets = new(facets);
    private readonly ConcurrentDictionary<int, Lazy<Task<IReadOnlyList<(int ItemTypeId, int Count)>>>> _itemTypeFacets = new();

    /// <summary>
    /// Counts per item type, the <paramref name="first"/> largest or all (null): their own statement, run only when
    /// `facets { itemTypes }` is asked for, once per limit (aliases asking for the same limit share it).
    /// </summary>
    public Task<IReadOnlyList<(int ItemTypeId, int Count)>> ItemTypeFacets(int? first) =>
        _itemTypeFacets.GetOrAdd(first ?? -1, _ => new(() => itemTypeFacets?.Invoke(first) ?? Task.FromResult<IReadOnlyList<(int, int)>>([]))).Value;

    public IReadOnlyList<ListingSearchEdge> Edges { get; } = edges;

    public PageInfo PageInfo { get; } = pageInfo;

    public Task<ListingSearchFacets> Facets => _facets.Value;
}

public sealed record ListingSearchEdge(string Cursor, Listing Node, double? DistanceKm);

public sealed record CategoryFacet(int CategoryId, int Count);

public sealed record ConditionFacet(ItemCondition Condition, int Count);

public sealed record ItemTypeFacet(int ItemTypeId, int Count);

public sealed class ListingSearchConnectionType : ObjectGraphType<ListingSearchResult>
{
    public ListingSearchConnectionType()
    {
        Name = "ListingSearchConnection";
        Description = "A page of search results, with the size and breakdown of the whole result set.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListingSearchEdgeType>>>>("edges")
            .Description("The listings of this page, each with its cursor and distance.")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListingType>>>>("nodes")
            .Description("The listings of this page, without cursors: a shortcut for `edges { node }`.")
            .Resolve(context => context.Source.Edges.Select(e => e.Node).ToList());
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Whether more results follow, and the cursor to fetch them with (`after: endCursor`).")
            .Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many listings match, across all pages.")
            .ResolveAsync(async context => (await context.Source.Facets).TotalCount);
        Field<NonNullGraphType<ListingSearchFacetsType>>("facets")
            .Description("How the matching listings (all pages) split by subcategory, by condition and by item type.")
            .ResolveAsync(async context => await context.Source.Facets);
    }
}

public sealed class ListingSearchEdgeType : ObjectGraphType<ListingSearchEdge>
{
    public ListingSearchEdgeType()
    {
        Name = "ListingSearchEdge";
        Description = "One search result and its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Opaque position of this result; pass it as `after` to fetch the results that follow.")
            .Resolve(context => context.Source.Cursor);
        Field<NonNullGraphType<ListingType>>("node")
            .Description("The listing.")
            .Resolve(context => context.Source.Node);
        Field<FloatGraphType>("distanceKm")
            .Description("Distance from the search centre to the listing's blurred point, in km to one decimal and never under 1 km " +
                "(the blur makes anything closer meaningless); null without `near`.")
            .Resolve(context => context.Source.DistanceKm);
    }
}

public sealed class ListingSearchFacetsType : ObjectGraphType<ListingSearchFacets>
{
    public ListingSearchFacetsType()
    {
        Name = "ListingSearchFacets";
        Description = "Counts of the matching listings for the current query and filters; `categories` and `conditions` each sum to `totalCount`.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryFacetType>>>>("categories")
            .Description("Matching listings per subcategory, largest first.")
            .Resolve(context => context.Source.Categories.Select(c => new CategoryFacet(c.CategoryId, c.Count)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConditionFacetType>>>>("conditions")
            .Description("Matching listings per condition, largest first.")
            .Resolve(context => context.Source.Conditions.Select(c => new ConditionFacet(c.Condition, c.Count)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ItemTypeFacetType>>>>("itemTypes")
            .Description("Matching listings per item type, largest first. Listings without an item type are not counted, so all of them sum to " +
                "`totalCount` minus those. A broad search spans hundreds of item types: ask for the largest few with `first`.")
            .Argument<IntGraphType>("first", "Only the item types with the most matching listings, this many at most (1 or more; ties in a stable order); " +
                "omit for all of them. `FIRST_OUT_OF_RANGE` below 1.")
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int?>("first");
                if (first is < 1)
                    throw new ExecutionError("`first` must be at least 1; omit it for every item type.") { Code = "FIRST_OUT_OF_RANGE" };
                return context.Parent?.Source is ListingSearchResult result
                    ? (await result.ItemTypeFacets(first)).Select(f => new ItemTypeFacet(f.ItemTypeId, f.Count)).ToList()
                    : new List<ItemTypeFacet>();
            });
    }
}

public sealed class ItemTypeFacetType : ObjectGraphType<ItemTypeFacet>
{
    public ItemTypeFacetType()
    {
        Name = "ItemTypeFacet";
        Description = "How many matching listings are of one item type.";
        Field<NonNullGraphType<Catalogue.ItemTypeType>>("itemType")
            .Description("The item type.")
            .Resolve(context => context.RequestServices!.GetRequiredService<Catalogue.ItemTypeById>().Load(context.Source.ItemTypeId));
        Field<NonNullGraphType<IntGraphType>>("count")
            .Description("Matching listings of this item type.")
            .Resolve(context => context.Source.Count);
    }
}

public sealed class CategoryFacetType : ObjectGraphType<CategoryFacet>
{
    public CategoryFacetType()
    {
        Name = "CategoryFacet";
        Description = "How many matching listings one subcategory holds.";
        Field<NonNullGraphType<CategoryType>>("category")
            .Description("The subcategory.")
            .Resolve(context => context.RequestServices!.GetRequiredService<CategoryById>().Load(context.Source.CategoryId));
        Field<NonNullGraphType<IntGraphType>>("count")
            .Description("Matching listings filed under it.")
            .Resolve(context => context.Source.Count);
    }
}

public sealed class ConditionFacetType : ObjectGraphType<ConditionFacet>
{
    public ConditionFacetType()
    {
        Name = "ConditionFacet";
        Description = "How many matching listings are in one condition.";
        Field<NonNullGraphType<ItemConditionType>>("condition")
            .Description("The condition.")
            .Resolve(context => context.Source.Condition);
        Field<NonNullGraphType<IntGraphType>>("count")
            .Description("Matching listings in this condition.")
            .Resolve(context => context.Source.Count);
    }
}
