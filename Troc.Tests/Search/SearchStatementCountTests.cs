using Troc.Tests.Infrastructure;
using static Troc.Tests.Listings.ListingTestKit;

namespace Troc.Tests.Search;

/// <summary>Search results load through the request's listing loader: nested fields batch, whatever the page size.</summary>
public sealed class SearchStatementCountTests(CountingAppFactory app) : IClassFixture<CountingAppFactory>
{
    private const string Query = """
        query($first: Int) {
          searchListings(query: "xylophone", first: $first) {
            nodes { title owner { displayName } category { label parent { label } } favoriteCount }
          }
        }
        """;

    [Fact]
    public async Task A_page_of_1_or_20_results_costs_the_same_statements()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client, "Xavière");
        for (var i = 0; i < 20; i++)
            await CreateListingAsync(client, new() { ["title"] = $"Xylophone {i}", ["categoryId"] = CategoryId(601 + i % 3) });

        var counts = new Dictionary<int, int>();
        foreach (var n in new[] { 1, 20 })
        {
            app.Statements.Reset();
            var response = await client.PostAsync(Query, new { first = n });
            Assert.Equal(n, response.EnsureNoErrors().Data!["searchListings"]!["nodes"]!.AsArray().Count);
            counts[n] = app.Statements.Count;
        }

        // The search itself is raw Npgsql (not counted here); EF loads listings, owners, categories, parents, favourites.
        Assert.Equal(counts[1], counts[20]);
        Assert.InRange(counts[1], 4, 7);
    }
}
