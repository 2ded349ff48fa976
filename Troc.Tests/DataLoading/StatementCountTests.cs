using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Persistence;
using Troc.Graph.Common;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.DataLoading;

/// <summary>SQL statements per request must not grow with the number of items: nested fields go through batch loaders.</summary>
public sealed class StatementCountTests(CountingAppFactory app) : IClassFixture<CountingAppFactory>
{
    private const string Query = """
        query($ids: [ID!]!) {
          nodes(ids: $ids) {
            id
            ... on Category { label parent { label children { slug } } }
          }
        }
        """;

    [Fact]
    public async Task A_list_of_1_20_or_100_items_with_nested_batched_fields_costs_the_same_statements()
    {
        var subcategoryIds = await SubcategoryIdsAsync();
        Assert.True(subcategoryIds.Count >= 100, "the catalogue needs at least 100 subcategories for this test");
        var client = app.CreateGraphQLClient();
        var counts = new Dictionary<int, int>();

        foreach (var n in new[] { 1, 20, 100 })
        {
            var ids = subcategoryIds.Take(n).Select(id => GlobalId.Encode("Category", id)).ToArray();
            app.Statements.Reset();
            var response = await client.PostAsync(Query, new { ids });
            response.EnsureNoErrors();
            Assert.Equal(n, response.Data!["nodes"]!.AsArray().Count(node => node?["parent"]?["children"] is not null));
            counts[n] = app.Statements.Count;
        }

        // One statement for the nodes, one for their parents, one for the parents' children.
        Assert.Equal(3, counts[1]);
        Assert.Equal(counts[1], counts[20]);
        Assert.Equal(counts[1], counts[100]);
    }

    private async Task<List<int>> SubcategoryIdsAsync()
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<TrocDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Categories.Where(c => c.ParentId != null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
    }
}
