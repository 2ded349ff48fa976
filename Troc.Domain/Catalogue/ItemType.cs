namespace Troc.Domain.Catalogue;

/// <summary>
/// A leaf of the catalogue (category → subcategory → item type): the kind of thing a listing is and a want asks
/// for, such as « perceuse-visseuse » or « poussette-canne ». Matching decides swaps on these.
/// </summary>
public sealed class ItemType
{
    internal ItemType(int index, string slug, string label, string subcategorySlug, string categorySlug, ItemVocabulary vocabulary)
    {
        Index = index;
        Slug = slug;
        Label = label;
        SubcategorySlug = subcategorySlug;
        CategorySlug = categorySlug;
        Vocabulary = vocabulary;
    }

    /// <summary>Position in <see cref="ItemCatalogue.ItemTypes"/>; stable for one loaded catalogue only.</summary>
    internal int Index { get; }

    /// <summary>Stable identifier, safe to store and to hard-code in a client.</summary>
    public string Slug { get; }

    /// <summary>French label shown to people.</summary>
    public string Label { get; }

    /// <summary>Slug of the subcategory this type hangs under (categories.json).</summary>
    public string SubcategorySlug { get; }

    /// <summary>Slug of the top-level category.</summary>
    public string CategorySlug { get; }

    /// <summary>The words that name or suggest this type.</summary>
    public ItemVocabulary Vocabulary { get; }

    /// <summary>
    /// Types of the same family that are NOT this one (meuleuse ≠ raboteuse). The relation is symmetric: the
    /// loader adds the reverse of every pair the data lists.
    /// </summary>
    public IReadOnlyList<string> NearMisses { get; internal set; } = [];

    public override string ToString() => Slug;
}

/// <summary>The vocabulary of an item type, as written in the catalogue data.</summary>
/// <param name="Names">Names, synonyms, familiar words, common misspellings: each one means this type.</param>
/// <param name="Generic">Words that usually mean this type but are shared by its family (« vélo », « jean »).</param>
/// <param name="Brands">Brands and product lines that name the thing by themselves (Thermomix, Kindle).</param>
/// <param name="Cues">Words that only hint at it (a maker of many things, « femme », « 18V »), group references expanded.</param>
/// <param name="Functions">Short phrases saying what it is for (« pour faire des gaufres »).</param>
public sealed record ItemVocabulary(
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Generic,
    IReadOnlyList<string> Brands,
    IReadOnlyList<string> Cues,
    IReadOnlyList<string> Functions)
{
    /// <summary>Number of vocabulary entries of all kinds.</summary>
    public int Count => Names.Count + Generic.Count + Brands.Count + Cues.Count + Functions.Count;
}

/// <summary>A subcategory as the resolver sees it: the target of a broad want (« de l'outillage »).</summary>
public sealed class CatalogueSubcategory
{
    internal CatalogueSubcategory(int index, string slug, string label, string categorySlug, IReadOnlyList<string> broadTerms)
    {
        Index = index;
        Slug = slug;
        Label = label;
        CategorySlug = categorySlug;
        BroadTerms = broadTerms;
    }

    internal int Index { get; }

    /// <summary>Slug from categories.json, such as `bricolage-outillage-a-main`.</summary>
    public string Slug { get; }

    /// <summary>French label from categories.json.</summary>
    public string Label { get; }

    /// <summary>Slug of the top-level category.</summary>
    public string CategorySlug { get; }

    /// <summary>Phrases by which a want asks for anything of this subcategory (« des livres », « de l'outillage »).</summary>
    public IReadOnlyList<string> BroadTerms { get; }

    public override string ToString() => Slug;
}
