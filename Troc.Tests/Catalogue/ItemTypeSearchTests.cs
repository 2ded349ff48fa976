using Troc.Graph.Common;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Listings.ListingTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Catalogue;

/// <summary>searchListings filters by item type and counts listings per item type.</summary>
public sealed class ItemTypeSearchTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string Search = """
        query($query: String, $where: ListingFilterInput) {
          searchListings(query: $query, where: $where, first: 50) {
            totalCount
            nodes { title itemType { slug } }
            facets { itemTypes { itemType { slug label } count } }
          }
        }
        """;

    [Fact]
    public async Task Search_filters_by_item_type_and_counts_each_item_type_leaving_out_listings_without_one()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);
        foreach (var title in new[] { "Vélo de ville Peugeot", "Vélo de ville hollandais", "Perceuse visseuse Bosch", "Objet mystère zzzqqq" })
            await CreateListingAsync(client, new() { ["title"] = title, ["description"] = "" });

        var all = (await client.PostAsync(Search)).EnsureNoErrors().Data!["searchListings"]!;
        var bikes = (await client.PostAsync(Search, new { where = new { itemTypeIds = new[] { ItemTypeId("velo-ville") } } })).EnsureNoErrors();
        var both = (await client.PostAsync(Search, new { where = new { itemTypeIds = new[] { ItemTypeId("velo-ville"), ItemTypeId("perceuse-visseuse") } } }))
            .EnsureNoErrors().Data!["searchListings"]!;

        Assert.Equal(4, all["totalCount"]!.GetValue<int>());
        var facets = all["facets"]!["itemTypes"]!.AsArray().Select(f => (Str(f!["itemType"]!["slug"]), f["count"]!.GetValue<int>())).ToList();
        Assert.Equal([("velo-ville", 2), ("perceuse-visseuse", 1)], facets);
        // The listing nothing in the catalogue matched is counted in totalCount but under no item type.
        Assert.Equal(all["totalCount"]!.GetValue<int>() - 1, facets.Sum(f => f.Item2));
        var bikeResults = bikes.Data!["searchListings"]!;
        Assert.Equal(2, bikeResults["totalCount"]!.GetValue<int>());
        Assert.All(bikeResults["nodes"]!.AsArray(), n => Assert.Equal("velo-ville", Str(n!["itemType"]!["slug"])));
        Assert.Equal(3, both["totalCount"]!.GetValue<int>());
        bikes.MatchSnapshot();
    }

    [Fact]
    public async Task Unknown_or_malformed_item_type_ids_in_the_filter_are_coded_errors()
    {
        var client = app.CreateGraphQLClient();

        foreach (var id in new[] { ItemTypeId("licorne-volante"), GlobalId.Encode("Category", 801), "garbage" })
        {
            var response = await client.PostAsync(Search, new { where = new { itemTypeIds = new[] { id } } });
            Assert.Equal(["ITEM_TYPE_NOT_FOUND"], GraphQLErrorCodes(response));
        }
        var tooMany = await client.PostAsync(Search, new { where = new { itemTypeIds = Enumerable.Range(0, 21).Select(i => ItemTypeId("velo-ville")).ToArray() } });
        Assert.Equal(["TOO_MANY_ITEM_TYPES"], GraphQLErrorCodes(tooMany));
    }
}
