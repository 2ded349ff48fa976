using GraphQL.Types;
using Troc.Domain.Listings;

namespace Troc.Graph.Schema;

/// <summary>A point on the map as clients read it.</summary>
public sealed class CoordinatesType : ObjectGraphType<GeoPoint>
{
    public CoordinatesType()
    {
        Name = "Coordinates";
        Description = "A WGS 84 point, in decimal degrees.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Degrees north of the equator, −90 to 90.").Resolve(c => c.Source.Latitude);
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Degrees east of Greenwich, −180 to 180.").Resolve(c => c.Source.Longitude);
    }
}

/// <summary>A point on the map as clients send it; the range is checked by the feature, with a typed error.</summary>
public sealed class CoordinatesInputType : InputObjectGraphType<GeoPoint>
{
    public CoordinatesInputType()
    {
        Name = "CoordinatesInput";
        Description = "A WGS 84 point, in decimal degrees.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Degrees north of the equator, −90 to 90.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Degrees east of Greenwich, −180 to 180.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new GeoPoint(Convert.ToDouble(value["latitude"]), Convert.ToDouble(value["longitude"]));
}
