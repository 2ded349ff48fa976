using System.Text.Json;
using System.Text.RegularExpressions;
using Troc.Domain.Catalogue.Analysis;
using Troc.Domain.Categories;

namespace Troc.Domain.Catalogue;

/// <summary>
/// The item types of every category with their vocabulary, loaded from the JSON files of Catalogue/data embedded
/// in this assembly and checked against the category taxonomy (categories.json).
/// </summary>
public sealed partial class ItemCatalogue
{
    private const string ResourcePrefix = "Troc.Domain.Catalogue.data.";

    private static readonly Lazy<ItemCatalogue> Embedded = new(() => Load(CatalogueFile.Load(), EmbeddedDataFiles()));

    private readonly Dictionary<string, ItemType> _itemTypesBySlug;
    private readonly Dictionary<string, CatalogueSubcategory> _subcategoriesBySlug;

    private ItemCatalogue(IReadOnlyList<ItemType> itemTypes, IReadOnlyList<CatalogueSubcategory> subcategories)
    {
        ItemTypes = itemTypes;
        Subcategories = subcategories;
        _itemTypesBySlug = itemTypes.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        _subcategoriesBySlug = subcategories.ToDictionary(s => s.Slug, StringComparer.Ordinal);
    }

    /// <summary>The catalogue shipped in this assembly, loaded and validated once.</summary>
    public static ItemCatalogue Default => Embedded.Value;

    public IReadOnlyList<ItemType> ItemTypes { get; }

    /// <summary>Every subcategory of the taxonomy, with the broad terms that ask for all of it.</summary>
    public IReadOnlyList<CatalogueSubcategory> Subcategories { get; }

    /// <summary>Number of vocabulary entries over all item types, plus the broad terms of subcategories.</summary>
    public int VocabularyEntryCount =>
        ItemTypes.Sum(t => t.Vocabulary.Count) + Subcategories.Sum(s => s.BroadTerms.Count);

    public ItemType? FindItemType(string slug) => _itemTypesBySlug.GetValueOrDefault(slug);

    public CatalogueSubcategory? FindSubcategory(string slug) => _subcategoriesBySlug.GetValueOrDefault(slug);

    /// <summary>The JSON files of Catalogue/data embedded in this assembly, by file name.</summary>
    public static IReadOnlyList<(string Name, string Json)> EmbeddedDataFiles()
    {
        var assembly = typeof(ItemCatalogue).Assembly;
        var files = new List<(string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files.Add((resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }
        return files;
    }

    /// <summary>Builds a catalogue from a taxonomy and data files; throws with every problem found when they are inconsistent.</summary>
    public static ItemCatalogue Load(IReadOnlyList<CatalogueFile.Node> taxonomy, IEnumerable<(string Name, string Json)> dataFiles)
    {
        var (catalogue, problems) = Build(taxonomy, dataFiles);
        if (problems.Count > 0 || catalogue is null) throw new CatalogueValidationException(problems);
        return catalogue;
    }

    /// <summary>Every problem of the given data, empty when the catalogue is consistent.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<CatalogueFile.Node> taxonomy, IEnumerable<(string Name, string Json)> dataFiles) =>
        Build(taxonomy, dataFiles).Problems;

    private static (ItemCatalogue? Catalogue, List<string> Problems) Build(
        IReadOnlyList<CatalogueFile.Node> taxonomy, IEnumerable<(string Name, string Json)> dataFiles)
    {
        var problems = new List<string>();
        var categoryOfSubcategory = new Dictionary<string, string>(StringComparer.Ordinal);
        var subcategoryLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        var taxonomySlugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in taxonomy)
        {
            taxonomySlugs.Add(category.Slug);
            foreach (var sub in category.Children ?? [])
            {
                taxonomySlugs.Add(sub.Slug);
                categoryOfSubcategory[sub.Slug] = category.Slug;
                subcategoryLabels[sub.Slug] = sub.Label;
            }
        }

        var files = new List<(string Name, CatalogueDataFile Data)>();
        foreach (var (name, json) in dataFiles)
        {
            try
            {
                var data = JsonSerializer.Deserialize<CatalogueDataFile>(json, new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip });
                if (data is null) problems.Add($"{name}: empty file");
                else files.Add((name, data));
            }
            catch (JsonException e)
            {
                problems.Add($"{name}: not valid JSON ({e.Message})");
            }
        }

        // Cue groups are shared across files (a tool brand hints at drills and at lawn mowers alike).
        var cueGroups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, data) in files)
            foreach (var (group, words) in data.CueGroups ?? [])
                if (!cueGroups.TryAdd(group, words)) problems.Add($"{name}: cue group @{group} is defined twice");

        var broadTerms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var rawTypes = new List<(string File, string Category, CatalogueDataItemType Type)>();
        foreach (var (name, data) in files)
        {
            if (!taxonomy.Any(c => c.Slug == data.Category))
                problems.Add($"{name}: category '{data.Category}' is not a top-level category of categories.json");
            foreach (var (sub, terms) in data.BroadTerms ?? [])
            {
                if (categoryOfSubcategory.GetValueOrDefault(sub) != data.Category)
                    problems.Add($"{name}: broad terms for '{sub}', which is not a subcategory of '{data.Category}'");
                else if (!broadTerms.TryAdd(sub, terms))
                    problems.Add($"{name}: broad terms for '{sub}' are given twice");
            }
            foreach (var type in data.ItemTypes ?? [])
                rawTypes.Add((name, data.Category, type));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var itemTypes = new List<ItemType>();
        foreach (var (file, category, raw) in rawTypes)
        {
            var where = $"{file}: item type '{raw.Slug}'";
            if (string.IsNullOrWhiteSpace(raw.Slug) || !SlugPattern().IsMatch(raw.Slug))
            {
                problems.Add($"{where}: slug must be lower-case letters, digits and hyphens");
                continue;
            }
            if (!seen.Add(raw.Slug)) problems.Add($"{where}: slug is not unique");
            if (taxonomySlugs.Contains(raw.Slug)) problems.Add($"{where}: slug is already a category or subcategory slug");
            if (string.IsNullOrWhiteSpace(raw.Label)) problems.Add($"{where}: label is empty");
            if (raw.Parent is null || !categoryOfSubcategory.TryGetValue(raw.Parent, out var parentCategory))
                problems.Add($"{where}: parent '{raw.Parent}' is not a subcategory of categories.json");
            else if (parentCategory != category)
                problems.Add($"{where}: parent '{raw.Parent}' belongs to '{parentCategory}', not to this file's '{category}'");
            if ((raw.Names?.Count ?? 0) == 0) problems.Add($"{where}: has no names");

            var cues = new List<string>();
            foreach (var cue in raw.Cues ?? [])
            {
                if (!cue.StartsWith('@')) cues.Add(cue);
                else if (cueGroups.TryGetValue(cue[1..], out var words)) cues.AddRange(words);
                else problems.Add($"{where}: cue group {cue} is not defined");
            }
            var vocabulary = new ItemVocabulary(raw.Names ?? [], raw.Generic ?? [], raw.Brands ?? [], cues.Distinct(StringComparer.Ordinal).ToList(), raw.Functions ?? []);
            foreach (var phrase in vocabulary.Names.Concat(vocabulary.Generic).Concat(vocabulary.Brands).Concat(vocabulary.Cues).Concat(vocabulary.Functions))
            {
                var keys = FrenchAnalyzer.ContentKeys(phrase);
                if (keys.Length == 0)
                    problems.Add($"{where}: '{phrase}' has no content word once articles and prepositions are skipped");
                else if (keys.All(k => char.IsAsciiDigit(k[0])))
                    problems.Add($"{where}: '{phrase}' is only numbers once articles are skipped, which would match any size or quantity");
            }
            itemTypes.Add(new ItemType(itemTypes.Count, raw.Slug, raw.Label ?? "", raw.Parent ?? "", category, vocabulary));
        }

        var bySlug = itemTypes.GroupBy(t => t.Slug).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var nearMisses = bySlug.Keys.ToDictionary(slug => slug, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (file, _, raw) in rawTypes)
        {
            if (raw.Slug is null || !bySlug.ContainsKey(raw.Slug)) continue;
            foreach (var miss in raw.NearMisses ?? [])
            {
                if (miss == raw.Slug) problems.Add($"{file}: item type '{raw.Slug}' lists itself as a near miss");
                else if (!bySlug.ContainsKey(miss)) problems.Add($"{file}: item type '{raw.Slug}' has unknown near miss '{miss}'");
                else
                {
                    nearMisses[raw.Slug].Add(miss);
                    nearMisses[miss].Add(raw.Slug);
                }
            }
        }
        foreach (var type in itemTypes)
            type.NearMisses = [.. nearMisses[type.Slug]];

        foreach (var category in taxonomy)
            if (!itemTypes.Any(t => t.CategorySlug == category.Slug))
                problems.Add($"category '{category.Slug}' has no item type");

        var subcategories = new List<CatalogueSubcategory>();
        foreach (var (slug, category) in categoryOfSubcategory)
        {
            var terms = broadTerms.GetValueOrDefault(slug) ?? [];
            foreach (var term in terms)
                if (FrenchAnalyzer.ContentKeys(term).Length == 0)
                    problems.Add($"subcategory '{slug}': broad term '{term}' has no content word");
            subcategories.Add(new CatalogueSubcategory(subcategories.Count, slug, subcategoryLabels[slug], category, terms));
        }

        return problems.Count > 0 ? (null, problems) : (new ItemCatalogue(itemTypes, subcategories), problems);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
