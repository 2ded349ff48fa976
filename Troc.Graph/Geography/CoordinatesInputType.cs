using GraphQL.Types;
using Troc.Domain.Common;

namespace Troc.Graph.Geography;

/// <summary>A point on the map as clients send it; the range is checked by the feature, with a typed error naming the field.</summary>
public sealed class CoordinatesInputType : InputObjectGraphType<GeoPoint>
{
    public CoordinatesInputType()
    {
        Name = "CoordinatesInput";
        Description = "A position on Earth (WGS 84), in decimal degrees.";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Degrees north of the equator, from -90 to 90.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Degrees east of Greenwich, from -180 to 180.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new GeoPoint(Convert.ToDouble(value["latitude"]), Convert.ToDouble(value["longitude"]));
}
