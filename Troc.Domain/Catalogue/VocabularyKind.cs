namespace Troc.Domain.Catalogue;

/// <summary>What a matched phrase is to the thing it points at; it sets how much the match counts.</summary>
public enum VocabularyKind
{
    /// <summary>A name, synonym, familiar word or common misspelling of the item type.</summary>
    Name,

    /// <summary>A brand or product line that names the thing by itself (Thermomix, Kindle).</summary>
    Brand,

    /// <summary>A phrase saying what the thing is for (« pour faire des gaufres »).</summary>
    Function,

    /// <summary>A word shared by a family that most often means this type (« vélo »).</summary>
    Generic,

    /// <summary>A hint only: a maker of many things, « femme », « 18V ».</summary>
    Cue,

    /// <summary>A phrase asking for a whole subcategory (« de l'outillage »).</summary>
    Broad,

    /// <summary>Suggested by the embedding model when nothing in the vocabulary matched.</summary>
    Embedding,
}
