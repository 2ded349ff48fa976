using System.Text.Json;
using System.Text.Json.Serialization;

namespace Troc.Domain.Categories;

/// <summary>
/// The category taxonomy as versioned in the repository (categories.json, embedded in this assembly).
/// Reference data rather than demo data: every environment gets it when the database is migrated.
/// </summary>
public static class CatalogueFile
{
    public sealed record Node(
        [property: JsonPropertyName("id")] int Id,
        [property: JsonPropertyName("slug")] string Slug,
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("children")] IReadOnlyList<Node>? Children);

    public static IReadOnlyList<Node> Load()
    {
        using var stream = typeof(CatalogueFile).Assembly.GetManifestResourceStream("Troc.Domain.Categories.categories.json")
            ?? throw new InvalidOperationException("categories.json is not embedded in Troc.Domain.");
        return JsonSerializer.Deserialize<List<Node>>(stream)
            ?? throw new InvalidOperationException("categories.json is empty.");
    }

    /// <summary>Every node of the file as an entity, parents before children.</summary>
    public static IEnumerable<Category> Flatten(IReadOnlyList<Node> roots)
    {
        for (var i = 0; i < roots.Count; i++)
        {
            var root = roots[i];
            yield return new Category(root.Id, root.Slug, root.Label, null, i);
            var children = root.Children ?? [];
            for (var j = 0; j < children.Count; j++)
                yield return new Category(children[j].Id, children[j].Slug, children[j].Label, root.Id, j);
        }
    }
}
