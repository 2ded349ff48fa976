namespace Troc.Domain.Catalogue.Analysis;

/// <summary>
/// Lower-cases and strips accents from French text with an explicit table.
/// </summary>
/// <remarks>
/// The project runs with InvariantGlobalization=true, under which <c>string.Normalize(NormalizationForm.FormD)</c>
/// silently returns its input unchanged, so decomposing and dropping combining marks would fold nothing. The table
/// covers Latin-1, Latin Extended-A, the ligatures French uses (œ, æ) and the typographic apostrophes and dashes
/// people paste from phones and word processors.
/// </remarks>
public static class FrenchFolding
{
    // Latin-1 and Latin Extended-A sit in a flat array (the hot path); the few punctuation marks beyond go to a dictionary.
    private const int LatinTableSize = 0x250;

    private static readonly (string?[] Latin, Dictionary<char, string> Others) Replacements = BuildTable();

    /// <summary>The folded form of <paramref name="text"/>: lower case, no accents, ligatures spelled out.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            AppendFolded(builder, c);
        return builder.ToString();
    }

    /// <summary>Appends the folded form of one character (one or two characters, or none for a combining mark).</summary>
    public static void AppendFolded(System.Text.StringBuilder builder, char c)
    {
        if (c < 128)
        {
            builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            return;
        }
        if (c < LatinTableSize ? Replacements.Latin[c] is { } latin : Replacements.Others.TryGetValue(c, out latin))
        {
            builder.Append(latin);
            return;
        }
        // Combining marks typed after a letter (e + U+0301) carry only the accent: drop them.
        if (c is >= '\u0300' and <= '\u036F') return;
        builder.Append(char.ToLowerInvariant(c));
    }

    /// <summary>Whether <paramref name="c"/> folds to something a word is made of (a letter or a digit).</summary>
    public static bool IsWordCharacter(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || c is >= '\u0300' and <= '\u036F';

    /// <summary>Whether <paramref name="c"/> is an apostrophe in any of its typographic forms.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`';

    private static (string?[] Latin, Dictionary<char, string> Others) BuildTable()
    {
        var latin = new string?[LatinTableSize];
        var others = new Dictionary<char, string>();
        (string From, string To)[] groups =
        [
            ("ÀÁÂÃÄÅĀĂĄàáâãäåāăą", "a"),
            ("ÇĆĈĊČçćĉċč", "c"),
            ("ĎĐďđÐð", "d"),
            ("ÈÉÊËĒĔĖĘĚèéêëēĕėęě", "e"),
            ("ĜĞĠĢĝğġģ", "g"),
            ("ĤĦĥħ", "h"),
            ("ÌÍÎÏĨĪĬĮİìíîïĩīĭįı", "i"),
            ("Ĵĵ", "j"),
            ("Ķķĸ", "k"),
            ("ĹĻĽĿŁĺļľŀł", "l"),
            ("ÑŃŅŇŊñńņňŉŋ", "n"),
            ("ÒÓÔÕÖØŌŎŐòóôõöøōŏő", "o"),
            ("ŔŖŘŕŗř", "r"),
            ("ŚŜŞŠśŝşšſ", "s"),
            ("ŢŤŦţťŧ", "t"),
            ("ÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűų", "u"),
            ("Ŵŵ", "w"),
            ("ÝŸŶýÿŷ", "y"),
            ("ŹŻŽźżž", "z"),
            ("Þþ", "th"),
            ("Œœ", "oe"),
            ("Ææ", "ae"),
            ("ß", "ss"),
            ("Ĳĳ", "ij"),
            ("\u2019\u2018\u02BC\u00B4\u201B\u2032", "'"),
            ("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
            ("\u00A0\u2007\u202F\u2009\u200A\u2002\u2003", " "),
            ("\u200B\u200C\u200D\u00AD\uFEFF", ""),
            ("\u00B2", "2"),
            ("\u00B3", "3"),
            ("\u00B9", "1"),
        ];
        foreach (var (from, to) in groups)
            foreach (var c in from)
            {
                if (c < LatinTableSize) latin[c] = to;
                else others[c] = to;
            }
        return (latin, others);
    }
}
