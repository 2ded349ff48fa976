using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Domain.Listings;
using Troc.Domain.Search;
using Troc.Graph.Listings;

namespace Troc.Graph.Search;

public sealed class NearInput
{
    [Description("Latitude of the centre, -90 to 90 (with `longitude`; or give `placeId` instead).")]
    public double? Latitude { get; set; }

    [Description("Longitude of the centre, -180 to 180 (with `latitude`; or give `placeId` instead).")]
    public double? Longitude { get; set; }

    [Id, Description("A `Place.id` from `places`, whose centre is the centre of the search (instead of `latitude`/`longitude`).")]
    public string? PlaceId { get; set; }

    [Description("How far from the centre, in kilometres: more than 0, at most 500.")]
    public double RadiusKm { get; set; }
}

public sealed class NearInputType : AutoRegisteringInputObjectGraphType<NearInput>
{
    public NearInputType()
    {
        Name = "NearInput";
        Description = "A circle to search in: a centre, given as `latitude` and `longitude` or as a `placeId`, and a radius. " +
            "Listings are placed at their blurred (~1 km) point.";
    }
}

public sealed class ListingFilterInput
{
    [Id, Description("Keep listings filed under these categories; a top-level category includes all its subcategories.")]
    public List<string>? CategoryIds { get; set; }

    [InputType(typeof(ListGraphType<NonNullGraphType<ItemConditionType>>)), Description("Keep listings in one of these conditions.")]
    public List<ItemCondition>? Conditions { get; set; }

    [Id, Description("Keep listings of these item types (`ItemType.id`, at most 20); listings without an item type are left out.")]
    public List<string>? ItemTypeIds { get; set; }

    [Description("True to leave out your own listings (ignored when signed out).")]
    public bool? ExcludeMine { get; set; }

    [Description("Keep listings published after this instant.")]
    public DateTime? PostedAfter { get; set; }
}

public sealed class ListingFilterInputType : AutoRegisteringInputObjectGraphType<ListingFilterInput>
{
    public ListingFilterInputType()
    {
        Name = "ListingFilterInput";
        Description = "Filters of `searchListings`; every filter given must hold.";
    }
}

public sealed class ListingSearchOrderType : EnumerationGraphType<ListingSearchOrder>
{
    public ListingSearchOrderType()
    {
        Name = "ListingSearchOrder";
        Description = "How `searchListings` orders its results.";
        Values["RELEVANCE"]!.Description = "Best text match first, an exact title first of all. The default with a `query`; without one, the same as NEWEST.";
        Values["DISTANCE"]!.Description = "Nearest first (by blurred point). Needs `near`.";
        Values["NEWEST"]!.Description = "Most recently published first. The default without a `query`.";
    }
}
