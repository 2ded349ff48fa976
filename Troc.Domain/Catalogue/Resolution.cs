namespace Troc.Domain.Catalogue;

/// <summary>Why a text resolved to something: the words the person wrote and the vocabulary phrase they met.</summary>
/// <param name="Text">The words as written in the text (« perçeuse visseuse »).</param>
/// <param name="Phrase">The catalogue phrase they matched (« perceuse-visseuse »).</param>
/// <param name="Kind">What the phrase is to the result: a name, a brand, a function phrase…</param>
/// <param name="Corrected">The words matched only after typo tolerance.</param>
/// <param name="Start">Offset of <paramref name="Text"/> in the text it was found in.</param>
/// <param name="FromDescription">Found in a listing's description rather than its title.</param>
public sealed record MatchEvidence(string Text, string Phrase, VocabularyKind Kind, bool Corrected, int Start, bool FromDescription);

/// <summary>An item type a text may be, with how sure the resolver is (0–1) and why.</summary>
public sealed record ItemTypeMatch(ItemType ItemType, double Confidence, IReadOnlyList<MatchEvidence> Evidence);

/// <summary>A whole subcategory asked for by a broad want, with confidence (0–1) and why.</summary>
public sealed record SubcategoryMatch(CatalogueSubcategory Subcategory, double Confidence, IReadOnlyList<MatchEvidence> Evidence);

/// <summary>How wide a want is.</summary>
public enum WantScope
{
    /// <summary>The want names kinds of things: <see cref="WantResolution.ItemTypes"/>, best first.</summary>
    ItemTypes,

    /// <summary>The want asks for anything of a subcategory (« des livres »): <see cref="WantResolution.Subcategory"/>.</summary>
    Subcategory,

    /// <summary>Nothing in the catalogue matched.</summary>
    Unresolved,
}

/// <summary>What a want phrase asks for.</summary>
/// <param name="Scope">Whether the want names item types, a whole subcategory, or nothing known.</param>
/// <param name="ItemTypes">Candidate item types, best first (also filled for a broad want when some matched).</param>
/// <param name="Subcategory">The subcategory of a broad want; otherwise the best broad candidate, if any.</param>
public sealed record WantResolution(WantScope Scope, IReadOnlyList<ItemTypeMatch> ItemTypes, SubcategoryMatch? Subcategory)
{
    public static WantResolution Unresolved { get; } = new(WantScope.Unresolved, [], null);
}
