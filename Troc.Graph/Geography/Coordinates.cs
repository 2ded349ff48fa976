using GraphQL.Types;
using Troc.Domain.Common;

namespace Troc.Graph.Geography;

/// <summary>`Coordinates`: the output shape of every position the API returns (places, listings…), the domain's <see cref="GeoPoint"/>.</summary>
public sealed class CoordinatesType : ObjectGraphType<GeoPoint>
{
    public CoordinatesType()
    {
        Name = "Coordinates";
        Description = "A position on Earth (WGS 84), in decimal degrees.";
        Field(c => c.Latitude).Description("Degrees north of the equator, from -90 to 90.");
        Field(c => c.Longitude).Description("Degrees east of Greenwich, from -180 to 180.");
    }
}
