namespace Troc.Domain.Catalogue.Analysis;

/// <summary>One word of analysed text.</summary>
/// <param name="Folded">The word lower-cased and without accents, elision removed (« l'Aspirateur » → « aspirateur »).</param>
/// <param name="Key">The stemmed matching key (<see cref="FrenchLightStemmer"/>).</param>
/// <param name="Start">Offset of the word in the original text, so evidence can quote what the person typed.</param>
/// <param name="Length">Length of the word in the original text.</param>
/// <param name="IsFunctionWord">An article, pronoun or preposition, skipped by phrase matching.</param>
public readonly record struct AnalyzedToken(string Folded, string Key, int Start, int Length, bool IsFunctionWord)
{
    /// <summary>Whether the word is made of digits (sizes, quantities, model numbers).</summary>
    public bool IsNumber => Folded.Length > 0 && char.IsAsciiDigit(Folded[0]);
}
