using Troc.Tests.Infrastructure;
using static Troc.Tests.Listings.ListingTestKit;

namespace Troc.Tests.Listings;

/// <summary>Nested listing fields resolve through batch loaders: the SQL count stays flat as the list grows.</summary>
public sealed class ListingStatementCountTests(CountingAppFactory app) : IClassFixture<CountingAppFactory>
{
    private const string Query = """
        query($ids: [ID!]!) {
          nodes(ids: $ids) {
            ... on Listing { title owner { displayName } category { label parent { label } } wantedCategories { label } favoriteCount isFavorite images { url(size: THUMBNAIL) } }
          }
        }
        """;

    [Fact]
    public async Task Listings_with_owner_category_and_favourites_cost_the_same_statements_for_1_20_and_100()
    {
        var ids = new List<string>();
        var reader = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, reader, "Reader");
        for (var member = 0; member < 3; member++)
        {
            var client = app.CreateGraphQLClient();
            await VerifiedMemberAsync(app, client, $"Membre {member}");
            for (var i = 0; i < 34; i++)
                ids.Add(await CreateListingAsync(client, new() { ["title"] = $"Objet {member}-{i}", ["categoryId"] = CategoryId(101 + i % 5) }));
        }

        var counts = new Dictionary<int, int>();
        foreach (var n in new[] { 1, 20, 100 })
        {
            app.Statements.Reset();
            var response = await reader.PostAsync(Query, new { ids = ids.Take(n).ToArray() });
            Assert.Equal(n, response.EnsureNoErrors().Data!["nodes"]!.AsArray().Count(node => node?["owner"] is not null));
            counts[n] = app.Statements.Count;
        }

        Assert.Equal(counts[1], counts[20]);
        Assert.Equal(counts[1], counts[100]);
        // listings, owners, categories, their parents, wanted categories, favourite counts, the viewer's favourites,
        // plus the access token's session check.
        Assert.InRange(counts[1], 5, 9);
    }
}
