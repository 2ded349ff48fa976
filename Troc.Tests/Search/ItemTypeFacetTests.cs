using Troc.Tests.Infrastructure;
using static Troc.Tests.Listings.ListingTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Search;

/// <summary>
/// `facets { itemTypes(first: N) }`: a broad search spans hundreds of item types while a page shows a dozen, so a client
/// asks for the largest few; without `first`, every item type still comes back.
/// </summary>
public sealed class ItemTypeFacetTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string Facets = """
        query($first: Int) {
          searchListings(first: 50) {
            totalCount
            facets {
              all: itemTypes { itemType { slug } count }
              largest: itemTypes(first: $first) { itemType { slug label } count }
            }
          }
        }
        """;

    private static readonly (string Slug, int Listings)[] Offered =
        [("perceuse-visseuse", 1), ("velo-ville", 3), ("tondeuse", 2), ("lave-linge", 2)];

    [Fact]
    public async Task First_keeps_the_item_types_with_the_most_listings_in_the_order_of_the_full_list()
    {
        var client = await SeededClientAsync();

        var response = (await client.PostAsync(Facets, new { first = 2 })).EnsureNoErrors();

        var facets = response.Data!["searchListings"]!["facets"]!;
        var all = Counts(facets["all"]!);
        var largest = Counts(facets["largest"]!);
        Assert.Equal(9, response.Data!["searchListings"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(4, all.Count);
        Assert.Equal(("velo-ville", 3), all[0]);
        Assert.Equal([2, 2, 1], all.Skip(1).Select(f => f.Count));
        Assert.Equal(all.Take(2), largest);
        response.MatchSnapshot();
    }

    [Theory]
    [InlineData(4)]
    [InlineData(50)]
    public async Task First_at_or_beyond_the_number_of_item_types_gives_them_all(int first)
    {
        var client = await SeededClientAsync();

        var facets = (await client.PostAsync(Facets, new { first })).EnsureNoErrors().Data!["searchListings"]!["facets"]!;

        Assert.Equal(Counts(facets["all"]!), Counts(facets["largest"]!));
        Assert.Equal(Offered.Sum(o => o.Listings), Counts(facets["all"]!).Sum(f => f.Count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task First_below_one_is_a_coded_error(int first)
    {
        var client = await SeededClientAsync();

        var response = await client.PostAsync(Facets, new { first });

        Assert.Equal(["FIRST_OUT_OF_RANGE"], GraphQLErrorCodes(response));
        Assert.Contains("`first` must be at least 1", Str(response.Errors![0]!["message"]));
        Assert.Equal(["searchListings", "facets", "largest"], response.Errors![0]!["path"]!.AsArray().Select(p => Str(p)));
    }

    private static List<(string Slug, int Count)> Counts(System.Text.Json.Nodes.JsonNode facets) =>
        facets.AsArray().Select(f => (Str(f!["itemType"]!["slug"]), f["count"]!.GetValue<int>())).ToList();

    /// <summary>
    /// One member's nine listings, made by the first test that runs (a class's tests run one at a time, on one host):
    /// eight of four item types the member chose, one Troc cannot place.
    /// </summary>
    private async Task<GraphQLClient> SeededClientAsync()
    {
        var client = app.CreateGraphQLClient();
        var count = (await client.PostAsync(Facets, new { first = 1 })).EnsureNoErrors().Data!["searchListings"]!["totalCount"]!.GetValue<int>();
        if (count > 0) return client;
        await VerifiedMemberAsync(app, client);
        foreach (var (slug, listings) in Offered)
            for (var i = 0; i < listings; i++)
                await CreateListingAsync(client, new() { ["title"] = $"Annonce {slug} {i + 1}", ["description"] = "", ["itemTypeId"] = ItemTypeId(slug) });
        await CreateListingAsync(client, new() { ["title"] = "Objet mystère zzzqqq", ["description"] = "" });
        return client;
    }
}
