using NetTopologySuite.Geometries;

namespace Troc.Domain.Common;

/// <summary>
/// A WGS 84 point as people give it: latitude then longitude, in degrees. Listings, places and search all speak it;
/// <see cref="From"/> and <see cref="ToPoint"/> are the one conversion to and from the PostGIS points they store.
/// </summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>From a PostGIS point (x is the longitude, y the latitude).</summary>
    public static GeoPoint From(Point point) => new(point.Y, point.X);

    /// <summary>The PostGIS point, as a `geography(Point, 4326)` column stores it (x is the longitude).</summary>
    public Point ToPoint() => new(Longitude, Latitude) { SRID = 4326 };

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) &&
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
}
