using Troc.Tests.Infrastructure;
using static Troc.Tests.Listings.ListingTestKit;

namespace Troc.Tests.Listings;

/// <summary>Nested listing fields resolve through batch loaders: the SQL count stays flat as the list grows.</summary>
public sealed class ListingStatementCountTests(CountingPhotoAppFactory app) : IClassFixture<CountingPhotoAppFactory>
{
    private const string Query = """
        query($ids: [ID!]!) {
          nodes(ids: $ids) {
            ... on Listing { title owner { displayName } category { label parent { label } } wantedCategories { label } favoriteCount isFavorite images { url(size: THUMBNAIL) } }
          }
        }
        """;

    [Fact]
    public async Task Listings_with_owner_category_favourites_and_photos_cost_the_same_statements_for_1_20_and_100()
    {
        var ids = new List<string>();
        var reader = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, reader, "Reader");
        for (var member = 0; member < 3; member++)
        {
            var client = app.CreateGraphQLClient();
            await VerifiedMemberAsync(app, client, $"Membre {member}");
            for (var i = 0; i < 34; i++)
                ids.Add(await ListingPhotoKit.CreateListingWithPhotosAsync(client, 1 + i % 3, new() { ["title"] = $"Objet {member}-{i}", ["categoryId"] = CategoryId(101 + i % 5) }));
        }

        var counts = new Dictionary<int, int>();
        foreach (var n in new[] { 1, 20, 100 })
        {
            app.Statements.Reset();
            var response = await reader.PostAsync(Query, new { ids = ids.Take(n).ToArray() });
            var nodes = response.EnsureNoErrors().Data!["nodes"]!.AsArray();
            Assert.Equal(n, nodes.Count(node => node?["owner"] is not null));
            Assert.All(nodes, node => Assert.InRange(node!["images"]!.AsArray().Count, 1, 3));
            counts[n] = app.Statements.Count;
        }

        Assert.Equal(counts[1], counts[20]);
        Assert.Equal(counts[1], counts[100]);
        // listings (with their photos, owned and joined), owners, categories, their parents, wanted categories, favourite counts, the viewer's favourites,
        // plus the access token's session check.
        Assert.InRange(counts[1], 5, 9);
    }
}
