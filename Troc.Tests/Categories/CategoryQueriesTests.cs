using Troc.Graph.Common;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Categories;

public sealed class CategoryQueriesTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task Categories_lists_the_taxonomy_top_level_first_with_subcategories_in_order()
    {
        var response = await app.CreateGraphQLClient().PostAsync(
            "{ categories { id slug label parent { slug } children { id slug label parent { slug } children { slug } } } }");

        response.EnsureNoErrors();
        var categories = response.Data!["categories"]!.AsArray();
        Assert.InRange(categories.Count, 10, 16);
        Assert.All(categories, c => Assert.Null(c!["parent"]));
        var subcategories = categories.SelectMany(c => c!["children"]!.AsArray()).ToList();
        Assert.True(subcategories.Count >= 100, $"only {subcategories.Count} subcategories");
        // Subcategories point back at their parent and have no children of their own (two levels).
        foreach (var category in categories)
            foreach (var child in category!["children"]!.AsArray())
            {
                Assert.Equal(category["slug"]!.GetValue<string>(), child!["parent"]!["slug"]!.GetValue<string>());
                Assert.Empty(child["children"]!.AsArray());
                Assert.StartsWith(category["slug"]!.GetValue<string>() + "-", child["slug"]!.GetValue<string>());
            }
        var slugs = categories.Concat(subcategories).Select(c => c!["slug"]!.GetValue<string>()).ToList();
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.Contains("Maison", categories.Select(c => c!["label"]!.GetValue<string>()));
        response.MatchSnapshot();
    }

    [Fact]
    public async Task Category_by_slug_and_refetch_by_global_id_return_the_same_category()
    {
        var client = app.CreateGraphQLClient();
        var bySlug = await client.PostAsync("{ category(slug: \"maison-ameublement\") { id slug label parent { label } } }");
        bySlug.EnsureNoErrors();
        var id = bySlug.Data!["category"]!["id"]!.GetValue<string>();
        Assert.True(GlobalId.TryDecode(id, out var typeName, out _));
        Assert.Equal("Category", typeName);

        var byNode = await client.PostAsync(
            "query($id: ID!) { node(id: $id) { id __typename ... on Category { slug label } } }", new { id });

        byNode.EnsureNoErrors();
        Assert.Equal(id, byNode.Data!["node"]!["id"]!.GetValue<string>());
        Assert.Equal("maison-ameublement", byNode.Data["node"]!["slug"]!.GetValue<string>());
        bySlug.MatchSnapshot();
    }

    [Fact]
    public async Task Unknown_slug_and_unknown_or_malformed_ids_give_null_not_errors()
    {
        var client = app.CreateGraphQLClient();
        var response = await client.PostAsync(
            "query($ids: [ID!]!) { category(slug: \"nope\") { id } nodes(ids: $ids) { id } node(id: \"%%%\") { id } }",
            new { ids = new[] { GlobalId.Encode("Category", 999999), GlobalId.Encode("Martian", 1), "not-an-id", "" } });

        response.EnsureNoErrors();
        Assert.Null(response.Data!["category"]);
        Assert.Null(response.Data["node"]);
        Assert.All(response.Data["nodes"]!.AsArray(), Assert.Null);
    }

    [Fact]
    public async Task Nodes_refuses_more_than_100_ids_with_a_coded_error()
    {
        var ids = Enumerable.Range(1, 101).Select(i => GlobalId.Encode("Category", i)).ToArray();
        var response = await app.CreateGraphQLClient().PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        var error = Assert.Single(response.Errors!);
        Assert.Equal("TOO_MANY_IDS", error!["extensions"]!["code"]!.GetValue<string>());
    }
}
