using Troc.Tests.Infrastructure;
using static Troc.Tests.Listings.ListingTestKit;

namespace Troc.Tests.Catalogue;

/// <summary>Item types of listings and of their wants resolve through batch loaders: the SQL count stays flat.</summary>
public sealed class ItemTypeStatementCountTests(CountingAppFactory app) : IClassFixture<CountingAppFactory>
{
    private const string Query = """
        query($ids: [ID!]!) {
          nodes(ids: $ids) {
            ... on Listing { itemType { slug category { slug } } wants { itemTypes { itemType { slug } } category { slug } } }
          }
        }
        """;

    [Fact]
    public async Task Listings_with_their_item_type_and_their_wants_item_types_cost_the_same_statements_for_1_20_and_100()
    {
        string[] titles = ["Vélo de ville", "Perceuse visseuse", "Thermomix TM5", "Poussette canne", "Machine à café"];
        string[] wants = ["un VTT", "une cafetière italienne", "un aspirateur"];
        var ids = new List<string>();
        var reader = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, reader, "Reader");
        for (var member = 0; member < 3; member++)
        {
            var client = app.CreateGraphQLClient();
            await VerifiedMemberAsync(app, client, $"Membre {member}");
            for (var i = 0; i < 34; i++)
                ids.Add(await CreateListingAsync(client, new()
                {
                    ["title"] = $"{titles[i % titles.Length]} n°{member}-{i}",
                    // Every listing has a want of item types and a broad one, so that every kind of nested field is loaded for 1 as for 100.
                    ["wants"] = Wants(wants[i % wants.Length], "de l'outillage"),
                }));
        }

        var counts = new Dictionary<int, int>();
        foreach (var n in new[] { 1, 20, 100 })
        {
            app.Statements.Reset();
            var response = await reader.PostAsync(Query, new { ids = ids.Take(n).ToArray() });
            var nodes = response.EnsureNoErrors().Data!["nodes"]!.AsArray();
            Assert.Equal(n, nodes.Count(node => node?["itemType"]?["slug"] is not null));
            Assert.All(nodes, node => Assert.Equal(2, node!["wants"]!.AsArray().Count));
            counts[n] = app.Statements.Count;
        }

        Assert.Equal(counts[1], counts[20]);
        Assert.Equal(counts[1], counts[100]);
        // listings (wants and their item types joined), the listings' item types, their categories, the wants' item types,
        // the wants' categories, plus the access token's session check.
        Assert.InRange(counts[1], 4, 8);
    }

    [Fact]
    public async Task A_want_preview_costs_the_same_statements_for_one_item_type_several_or_a_subcategory()
    {
        const string preview = """
            query($text: String!) {
              previewWant(text: $text) { scope itemTypes { itemType { slug category { slug } } } category { slug parent { slug } } }
            }
            """;
        var client = app.CreateGraphQLClient();
        var counts = new Dictionary<string, (int ItemTypes, int Statements)>();
        foreach (var text in new[] { "un vélo de ville", "des bottes", "de l'outillage" })
        {
            app.Statements.Reset();
            var want = (await client.PostAsync(preview, new { text })).EnsureNoErrors().Data!["previewWant"]!;
            counts[text] = (want["itemTypes"]!.AsArray().Count, app.Statements.Count);
        }

        Assert.Equal(1, counts["un vélo de ville"].ItemTypes);
        Assert.True(counts["des bottes"].ItemTypes > 1, "« des bottes » should keep close alternatives");
        Assert.Equal(0, counts["de l'outillage"].ItemTypes);
        // One level at a time: the item types' keys (ReadAsync), the item types, their categories; for a broad want the
        // subcategory's key (ReadAsync), the subcategory, its parent. Alternatives join the same batches.
        Assert.All(counts.Values, c => Assert.Equal(3, c.Statements));
    }
}
