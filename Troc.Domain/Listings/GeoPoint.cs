namespace Troc.Domain.Listings;

/// <summary>A WGS 84 point as people give it: latitude then longitude, in degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>From a PostGIS point (x is the longitude, y the latitude).</summary>
    public static GeoPoint From(NetTopologySuite.Geometries.Point point) => new(point.Y, point.X);

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) &&
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;
}
