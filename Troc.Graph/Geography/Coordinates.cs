using GraphQL.Types;
using NetTopologySuite.Geometries;

namespace Troc.Graph.Geography;

/// <summary>A WGS 84 position in degrees, as APIs and maps expect it: latitude first.</summary>
public sealed record Coordinates(double Latitude, double Longitude)
{
    /// <summary>From a PostGIS point (x is the longitude, y the latitude).</summary>
    public static Coordinates From(Point point) => new(point.Y, point.X);
}

/// <summary>`Coordinates`: the output shape of every position the API returns (places, listings…).</summary>
public sealed class CoordinatesType : ObjectGraphType<Coordinates>
{
    public CoordinatesType()
    {
        Name = "Coordinates";
        Description = "A position on Earth (WGS 84), in decimal degrees.";
        Field(c => c.Latitude).Description("Degrees north of the equator, from -90 to 90.");
        Field(c => c.Longitude).Description("Degrees east of Greenwich, from -180 to 180.");
    }
}
