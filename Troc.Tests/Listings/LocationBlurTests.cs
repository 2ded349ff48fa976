using Troc.Domain.Common;
using Troc.Domain.Listings;

namespace Troc.Tests.Listings;

public sealed class LocationBlurTests
{
    [Theory]
    [InlineData(48.8566, 2.3522)]     // Paris
    [InlineData(43.2965, 5.3698)]     // Marseille
    [InlineData(-33.8688, 151.2093)]  // Sydney
    [InlineData(69.6492, 18.9553)]    // Tromsø: cells widen in degrees near the poles
    [InlineData(0.0001, -0.0001)]
    public void The_blurred_point_is_within_a_cell_of_the_exact_one_but_not_on_it(double latitude, double longitude)
    {
        var exact = new GeoPoint(latitude, longitude);
        var blurred = LocationBlur.Blur(exact);

        Assert.InRange(DistanceKm(exact, blurred), 0, LocationBlur.MaxOffsetKm);
        Assert.NotEqual(exact, blurred);
    }

    [Fact]
    public void Every_point_of_a_cell_blurs_to_the_same_centre_so_repeated_reads_reveal_nothing()
    {
        var centre = LocationBlur.Blur(new GeoPoint(45.7640, 4.8357));
        var neighbours = new[] { (0.0001, 0.0001), (-0.0001, 0.0002), (0.0002, -0.0001) }
            .Select(d => LocationBlur.Blur(new GeoPoint(centre.Latitude + d.Item1, centre.Longitude + d.Item2)));

        Assert.All(neighbours, n => Assert.Equal(centre, n));
    }

    [Fact]
    public void Points_a_few_kilometres_apart_land_in_different_cells()
    {
        var a = LocationBlur.Blur(new GeoPoint(48.8566, 2.3522));
        var b = LocationBlur.Blur(new GeoPoint(48.8566 + 0.03, 2.3522));

        Assert.NotEqual(a, b);
    }

    private static double DistanceKm(GeoPoint a, GeoPoint b)
    {
        const double earthRadiusKm = 6371.0;
        double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) +
                Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * earthRadiusKm * Math.Asin(Math.Sqrt(h));
    }
}
