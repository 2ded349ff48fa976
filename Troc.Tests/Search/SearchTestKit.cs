using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;
using Troc.Graph.Common;
using Troc.Tests.Infrastructure;
using Troc.Tests.Listings;

namespace Troc.Tests.Search;

/// <summary>A host of its own for search tests, so that counts depend only on what these tests create.</summary>
public class SearchApp : TrocAppFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Guid? _ownerId;
    private string? _accessToken;

    /// <summary>A verified member owning every seeded listing (signed in on the returned client).</summary>
    public async Task<(Guid OwnerId, string AccessToken)> OwnerAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_ownerId is null)
            {
                var client = CreateGraphQLClient();
                var account = await ListingTestKit.VerifiedMemberAsync(this, client, "Dominique");
                Assert.True(GlobalId.TryDecodeGuid(account.UserId, "User", out var id));
                _ownerId = id;
                _accessToken = account.AccessToken;
            }
            return (_ownerId.Value, _accessToken!);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Inserts an active listing straight through the domain (no per-owner limit, chosen publication time); the
    /// database fills its search document as for any other insert.
    /// </summary>
    public async Task<Guid> SeedAsync(
        string title, GeoPoint? at = null, int categoryId = 101, ItemCondition condition = ItemCondition.Good,
        string description = "", DateTime? createdAt = null)
    {
        var (owner, _) = await OwnerAsync();
        var draft = new ListingDraft(title, description, categoryId, condition, [], [], true,
            at ?? new GeoPoint(43.6, 3.88), "Quelque part");
        var listing = Listing.Create(owner, draft, createdAt ?? DateTime.UtcNow);
        await using var db = await Services.GetRequiredService<IDbContextFactory<TrocDbContext>>().CreateDbContextAsync();
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        return listing.Id;
    }
}

public static class SearchTestKit
{
    public const string Search = """
        query($query: String, $near: NearInput, $where: ListingFilterInput, $order: ListingSearchOrder, $first: Int, $after: String) {
          searchListings(query: $query, near: $near, where: $where, order: $order, first: $first, after: $after) {
            edges { cursor distanceKm node { id title category { slug } condition } }
            pageInfo { hasNextPage endCursor }
            totalCount
            facets { categories { category { id slug } count } conditions { condition count } }
          }
        }
        """;

    public static string ListingId(Guid id) => GlobalId.Encode("Listing", id.ToString("N"));

    public static async Task<JsonNode> SearchAsync(GraphQLClient client, object variables)
    {
        var response = await client.PostAsync(SearchTestKit.Search, variables);
        return response.EnsureNoErrors().Data!["searchListings"]!;
    }

    public static List<string> Ids(JsonNode connection) =>
        connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();

    public static List<string> Titles(JsonNode connection) =>
        connection["edges"]!.AsArray().Select(e => e!["node"]!["title"]!.GetValue<string>()).ToList();

    /// <summary>Great-circle distance in km (mean Earth radius): close enough to PostGIS's spheroid for margins of 50 m at 10 km.</summary>
    public static double DistanceKm(GeoPoint a, GeoPoint b)
    {
        const double R = 6371.0088;
        double ToRad(double d) => d * Math.PI / 180;
        var dLat = ToRad(b.Latitude - a.Latitude);
        var dLon = ToRad(b.Longitude - a.Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(ToRad(a.Latitude)) * Math.Cos(ToRad(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Sqrt(h));
    }

    /// <summary>An exact point whose blurred point lies between <paramref name="minKm"/> and <paramref name="maxKm"/> of the centre.</summary>
    public static GeoPoint ExactPointBlurredAt(GeoPoint centre, double minKm, double maxKm)
    {
        for (var bearing = 0.0; bearing < 360; bearing += 0.5)
        for (var km = minKm - 1; km <= maxKm + 1; km += 0.05)
        {
            var exact = Offset(centre, bearing, km);
            var blurred = LocationBlur.Blur(exact);
            var distance = DistanceKm(centre, blurred);
            if (distance >= minKm && distance <= maxKm) return exact;
        }
        throw new InvalidOperationException($"No cell centre between {minKm} and {maxKm} km.");
    }

    private static GeoPoint Offset(GeoPoint from, double bearingDegrees, double km)
    {
        var bearing = bearingDegrees * Math.PI / 180;
        var dLat = km * Math.Cos(bearing) / 111.32;
        var dLon = km * Math.Sin(bearing) / (111.32 * Math.Cos(from.Latitude * Math.PI / 180));
        return new GeoPoint(Math.Round(from.Latitude + dLat, 6), Math.Round(from.Longitude + dLon, 6));
    }
}
