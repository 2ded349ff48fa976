using Troc.Domain.Catalogue;
using Troc.Domain.Categories;

namespace Troc.Tests.Catalogue;

public sealed class ItemCatalogueTests
{
    [Fact]
    public void The_shipped_catalogue_is_valid()
    {
        var problems = ItemCatalogue.Validate(CatalogueFile.Load(), ItemCatalogue.EmbeddedDataFiles());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void It_has_at_least_500_item_types_in_every_category_each_under_a_real_subcategory()
    {
        var catalogue = ItemCatalogue.Default;
        var taxonomy = CatalogueFile.Load();
        Assert.True(catalogue.ItemTypes.Count >= 500, $"only {catalogue.ItemTypes.Count} item types");
        foreach (var category in taxonomy)
            Assert.Contains(catalogue.ItemTypes, t => t.CategorySlug == category.Slug);
        var subcategories = taxonomy.SelectMany(c => c.Children ?? []).Select(s => s.Slug).ToHashSet();
        Assert.All(catalogue.ItemTypes, t => Assert.Contains(t.SubcategorySlug, subcategories));
        Assert.Equal(catalogue.ItemTypes.Count, catalogue.ItemTypes.Select(t => t.Slug).Distinct().Count());
    }

    [Fact]
    public void Near_misses_exist_and_go_both_ways()
    {
        var catalogue = ItemCatalogue.Default;
        foreach (var type in catalogue.ItemTypes)
            foreach (var miss in type.NearMisses)
                Assert.Contains(type.Slug, catalogue.FindItemType(miss)!.NearMisses);
        Assert.Contains("raboteuse", catalogue.FindItemType("meuleuse")!.NearMisses);
    }

    [Fact]
    public void Validation_reports_every_problem_at_once()
    {
        const string json = """
        {
          "category": "bricolage",
          "cueGroups": { "outils": ["bosch"] },
          "broadTerms": { "maison-ameublement": ["meubles"] },
          "itemTypes": [
            { "slug": "perceuse", "label": "Perceuse", "parent": "bricolage-outillage-electroportatif", "names": ["perceuse"], "cues": ["@inconnu"], "nearMisses": ["visseuse-fantome"] },
            { "slug": "perceuse", "label": "Perceuse bis", "parent": "bricolage-outillage-electroportatif", "names": ["perceuse"] },
            { "slug": "scie", "label": "Scie", "parent": "jardin-outils", "names": ["scie"] },
            { "slug": "rabot", "label": "Rabot", "parent": "pas-une-sous-categorie", "names": ["le", "18"] },
            { "slug": "Mauvais Slug", "label": "x", "parent": "bricolage-outillage-a-main", "names": ["x"] }
          ]
        }
        """;
        var problems = ItemCatalogue.Validate(CatalogueFile.Load(), [("bricolage.json", json)]);

        Assert.Contains(problems, p => p.Contains("'perceuse': slug is not unique"));
        Assert.Contains(problems, p => p.Contains("unknown near miss 'visseuse-fantome'"));
        Assert.Contains(problems, p => p.Contains("cue group @inconnu is not defined"));
        Assert.Contains(problems, p => p.Contains("parent 'jardin-outils' belongs to 'jardin'"));
        Assert.Contains(problems, p => p.Contains("parent 'pas-une-sous-categorie' is not a subcategory"));
        Assert.Contains(problems, p => p.Contains("'le' has no content word"));
        Assert.Contains(problems, p => p.Contains("'18' is only numbers"));
        Assert.Contains(problems, p => p.Contains("slug must be lower-case"));
        Assert.Contains(problems, p => p.Contains("broad terms for 'maison-ameublement'"));
        Assert.Contains(problems, p => p.Contains("category 'maison' has no item type"));
        Assert.Throws<CatalogueValidationException>(() => ItemCatalogue.Load(CatalogueFile.Load(), [("bricolage.json", json)]));
    }
}
