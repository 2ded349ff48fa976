namespace Troc.Domain.Catalogue.Analysis;

/// <summary>
/// A deliberately light French stemmer for matching item names, applied alike to the vocabulary and to what
/// people type: it merges singular and plural, masculine and feminine endings, and doubled letters.
/// </summary>
/// <remarks>
/// Heavier stemmers (Snowball) cut derivational suffixes and merge words that name different things
/// (« tablette » / « table »). Collapsing doubled letters is a spelling rule rather than grammar: it absorbs
/// the commonest misspellings of second-hand ads (« trotinette », « poussete », « nespreso »).
/// </remarks>
public static class FrenchLightStemmer
{
    /// <summary>The matching key of a folded word (lower case, no accents).</summary>
    public static string Stem(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (folded.Length <= 3 || !IsAllLetters(folded)) return folded;

        Span<char> word = stackalloc char[folded.Length + 1];
        folded.AsSpan().CopyTo(word);
        var length = folded.Length;

        if (EndsWith(word, length, "eaux")) length--;                      // manteaux → manteau
        else if (EndsWith(word, length, "yaux")) length--;                 // tuyaux → tuyau
        else if (EndsWith(word, length, "aux") && length >= 5)             // chevaux → cheval, bocaux → bocal
        {
            word[length - 2] = 'l';
            length--;
        }
        else if (word[length - 1] == 'x' && word[length - 2] == 'u') length--;   // jeux → jeu, bijoux → bijou
        else if (word[length - 1] == 's' && word[length - 2] != 's') length--;   // vélos → vélo

        // Feminine and mute endings: gaufrière → gaufrier, poupée → poupe(e) → poupe. Not after « ll »: with the
        // doubled letters collapsed, « fille » would become « fil » and « grille » « gril ».
        if (length > 4 && word[length - 1] == 'e' && !(word[length - 2] == 'l' && word[length - 3] == 'l')) length--;

        var collapsed = 0;
        for (var i = 0; i < length; i++)
        {
            if (collapsed > 0 && word[i] == word[collapsed - 1]) continue;
            word[collapsed++] = word[i];
        }
        return new string(word[..collapsed]);
    }

    private static bool EndsWith(Span<char> word, int length, string suffix) =>
        length >= suffix.Length && word[(length - suffix.Length)..length].SequenceEqual(suffix);

    private static bool IsAllLetters(string word)
    {
        foreach (var c in word)
            if (!char.IsLetter(c)) return false;
        return true;
    }
}
