using Troc.Domain.Common;

namespace Troc.Domain.Listings;

/// <summary>
/// Where a listing appears to everyone but its owner: the centre of the ~1 km grid cell that holds the exact
/// point. The cell is a pure function of the point, so the blurred point never moves while the listing does not,
/// and averaging many reads of it reveals nothing more (unlike random noise).
/// </summary>
public static class LocationBlur
{
    /// <summary>Side of a cell, in kilometres.</summary>
    public const double CellKm = 1.0;

    private const double KmPerDegreeLatitude = 111.32;
    private const double LatitudeStep = CellKm / KmPerDegreeLatitude;

    /// <summary>
    /// Half the diagonal of a cell: the most the blurred point can be from the exact one, and so the precision
    /// below which a distance computed from blurred points means nothing.
    /// </summary>
    public const double MaxOffsetKm = CellKm * 0.7072;

    public static GeoPoint Blur(GeoPoint exact)
    {
        var row = Math.Floor(exact.Latitude / LatitudeStep);
        var latitude = Math.Clamp((row + 0.5) * LatitudeStep, -90, 90);
        // Cells keep ~1 km of width towards the poles by widening in degrees; the row's centre fixes the width,
        // so every point of a row shares the same column grid.
        var longitudeStep = LatitudeStep / Math.Max(Math.Cos(latitude * Math.PI / 180), 0.01);
        var column = Math.Floor((exact.Longitude + 180) / longitudeStep);
        var longitude = Math.Clamp((column + 0.5) * longitudeStep - 180, -180, 180);
        return new GeoPoint(Math.Round(latitude, 6), Math.Round(longitude, 6));
    }
}
