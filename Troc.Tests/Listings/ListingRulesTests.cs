using Troc.Domain.Common;
using Troc.Domain.Listings;

namespace Troc.Tests.Listings;

public sealed class ListingRulesTests
{
    private static readonly ListingDraft Valid = new(
        "Vélo de ville Peugeot", "Bon état, pneus neufs.", 801, ItemCondition.Good,
        ["machine à café", "livres de SF"], [], false, new GeoPoint(45.76, 4.83), "Lyon 3e");

    [Fact]
    public void A_reasonable_draft_passes() => Assert.Empty(ListingRules.Check(Valid));

    [Theory]
    [InlineData("  ab  ", "TITLE_TOO_SHORT")]
    [InlineData("", "TITLE_TOO_SHORT")]
    public void Titles_are_measured_after_trimming(string title, string code) =>
        Assert.Equal(code, Assert.Single(ListingRules.Check(Valid with { Title = title })).Code);

    [Fact]
    public void Every_violation_is_reported_with_its_field()
    {
        var draft = Valid with
        {
            Title = new string('a', 81),
            Description = new string('d', 4001),
            Wants = ["a", " ", new string('w', 81), "b", "c", "d"],
            Location = new GeoPoint(91, 0),
            PlaceName = "",
        };

        var violations = ListingRules.Check(draft).Select(v => (v.Field, v.Code)).ToList();

        Assert.Contains(("title", "TITLE_TOO_LONG"), violations);
        Assert.Contains(("description", "DESCRIPTION_TOO_LONG"), violations);
        Assert.Contains(("wants", "TOO_MANY_WANTS"), violations);
        Assert.Contains(("wants[1]", "WANT_EMPTY"), violations);
        Assert.Contains(("wants[2]", "WANT_TOO_LONG"), violations);
        Assert.Contains(("location", "LOCATION_OUT_OF_RANGE"), violations);
        Assert.Contains(("placeName", "PLACE_NAME_EMPTY"), violations);
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(-90.0001, 0)]
    [InlineData(0, 180.5)]
    public void Coordinates_outside_the_globe_are_refused(double latitude, double longitude) =>
        Assert.Contains(ListingRules.Check(Valid with { Location = new GeoPoint(latitude, longitude) }), v => v.Code == "LOCATION_OUT_OF_RANGE");

    [Fact]
    public void Status_changes_follow_the_life_of_a_listing()
    {
        var now = DateTime.UtcNow;
        var listing = Listing.Create(Guid.NewGuid(), Valid, now);
        Assert.Equal(ListingStatus.Active, listing.Status);

        listing.Reserve(now);
        listing.Release(now);
        listing.Archive(now);
        Assert.Equal("LISTING_ARCHIVED", Assert.Throws<ViolationException>(() => listing.Archive(now)).Code);
        listing.Reactivate(now);
        listing.MarkTraded(now);

        Assert.Equal(ListingStatus.Traded, listing.Status);
        Assert.Equal("LISTING_TRADED", Assert.Throws<ViolationException>(() => listing.Archive(now)).Code);
        Assert.Equal("LISTING_NOT_ARCHIVED", Assert.Throws<ViolationException>(() => listing.Reactivate(now)).Code);
    }

    [Fact]
    public void Creating_trims_text_and_stores_the_blurred_point_beside_the_exact_one()
    {
        var listing = Listing.Create(Guid.NewGuid(), Valid with { Title = "  Vélo  ", Wants = [" livres "] }, DateTime.UtcNow);

        Assert.Equal("Vélo", listing.Title);
        Assert.Equal("livres", Assert.Single(listing.Wants).Text);
        Assert.Equal(new GeoPoint(45.76, 4.83), listing.ExactPoint);
        Assert.Equal(LocationBlur.Blur(new GeoPoint(45.76, 4.83)), listing.PublicPoint);
    }
}
