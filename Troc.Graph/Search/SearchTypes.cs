using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Listings;
using Troc.Domain.Search;
using Troc.Graph.Categories;
using Troc.Graph.Listings;
using Troc.Graph.Schema;

namespace Troc.Graph.Search;

/// <summary>One page of search results; the counts are computed only when asked for, once.</summary>
public sealed class ListingSearchResult(IReadOnlyList<ListingSearchEdge> edges, PageInfo pageInfo, Func<Task<ListingSearchFacets>> facets)
{
    private readonly Lazy<Task<ListingSearchFacets>> _facets = new(facets);

    public IReadOnlyList<ListingSearchEdge> Edges { get; } = edges;

    public PageInfo PageInfo { get; } = pageInfo;

    public Task<ListingSearchFacets> Facets => _facets.Value;
}

public sealed record ListingSearchEdge(string Cursor, Listing Node, double? DistanceKm);

public sealed record CategoryFacet(int CategoryId, int Count);

public sealed record ConditionFacet(ItemCondition Condition, int Count);

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
            .Description("How the matching listings (all pages) split by subcategory and by condition.")
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
        Description = "Counts of the matching listings for the current query and filters; each list sums to `totalCount`.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryFacetType>>>>("categories")
            .Description("Matching listings per subcategory, largest first.")
            .Resolve(context => context.Source.Categories.Select(c => new CategoryFacet(c.CategoryId, c.Count)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConditionFacetType>>>>("conditions")
            .Description("Matching listings per condition, largest first.")
            .Resolve(context => context.Source.Conditions.Select(c => new ConditionFacet(c.Condition, c.Count)).ToList());
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
