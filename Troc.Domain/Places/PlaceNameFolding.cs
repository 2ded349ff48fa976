using System.Text;

namespace Troc.Domain.Places;

/// <summary>
/// Turns a place name, or what someone typed, into the form place names are searched by: lower case, accents
/// removed, every hyphen, apostrophe or other sign a single space, and the abbreviations "st"/"ste" spelled out
/// ("Saint-Étienne", "st-étienne" and "SAINT ÉTIENNE" all give "saint etienne").
/// </summary>
/// <remarks>
/// Written by hand rather than with <c>string.Normalize(FormD)</c>: under InvariantGlobalization, normalization
/// silently does nothing. The same function folds the names at import and the queries at search time, so the two
/// always agree; <see cref="Version"/> is part of the imported data's version, so changing it refolds the table.
/// </remarks>
public static class PlaceNameFolding
{
    public const int Version = 1;

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["st"] = "saint",
        ["ste"] = "sainte",
        ["sts"] = "saints",
        ["stes"] = "saintes",
    };

    /// <summary>Folds a whole name, abbreviations spelled out: the search key stored for a place.</summary>
    public static string Fold(string text) => string.Join(' ', Words(text).Select(Expand));

    /// <summary>
    /// The folded prefixes a name query matches, most often one. When the last word is still being typed and is
    /// "st" or "ste", it may be the start of "Strasbourg" as well as an abbreviated "Saint": both are returned.
    /// Empty when the query holds no letter or digit.
    /// </summary>
    public static IReadOnlyList<string> QueryPrefixes(string query)
    {
        var words = Words(query);
        if (words.Count == 0) return [];
        var expanded = string.Join(' ', words.Select(Expand));
        if (!Abbreviations.ContainsKey(words[^1])) return [expanded];
        var literalLast = string.Join(' ', words.Take(words.Count - 1).Select(Expand).Append(words[^1]));
        return [expanded, literalLast];
    }

    /// <summary>Lower-case, accent-free words of letters and digits.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                word.Append(c);
            }
            else if (c >= 0x80 && LatinFolds.TryGetValue(c, out var plain))
            {
                word.Append(plain);
            }
            else if (c >= 0x80 && char.IsLetterOrDigit(c))
            {
                // Letters of other scripts are kept as they are: they simply match no French name.
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                // Anything else (space, hyphen, apostrophe, sign) separates words.
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    private static string Expand(string word) => Abbreviations.GetValueOrDefault(word, word);

    // Latin-1 Supplement and Latin Extended-A, lower case, to their base letters: every accent French place names
    // use, and those people may type from other keyboards.
    private static readonly Dictionary<char, string> LatinFolds = BuildLatinFolds();

    private static Dictionary<char, string> BuildLatinFolds()
    {
        var table = new Dictionary<char, string>();
        void Map(string letters, string plain)
        {
            foreach (var letter in letters) table[letter] = plain;
        }
        Map("àáâãäåāăą", "a");
        Map("æ", "ae");
        Map("çćĉċč", "c");
        Map("ďđ", "d");
        Map("èéêëēĕėęě", "e");
        Map("ĝğġģ", "g");
        Map("ĥħ", "h");
        Map("ìíîïĩīĭįı", "i");
        Map("ĳ", "ij");
        Map("ĵ", "j");
        Map("ķ", "k");
        Map("ĺļľŀł", "l");
        Map("ñńņňŉ", "n");
        Map("òóôõöøōŏő", "o");
        Map("œ", "oe");
        Map("ŕŗř", "r");
        Map("śŝşš", "s");
        Map("ß", "ss");
        Map("ţťŧ", "t");
        Map("ùúûüũūŭůűų", "u");
        Map("ŵ", "w");
        Map("ýÿŷ", "y");
        Map("źżž", "z");
        // Typographic apostrophes and dashes are not letters: Words treats them as separators, like ' and -.
        return table;
    }
}
