using GraphQL.Types;
using Troc.Domain.SavedSearches;
using Troc.Graph.Geography;
using Troc.Graph.Places;

namespace Troc.Graph.SavedSearches;

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
