using System.Text;
using Troc.Domain.Catalogue.Analysis;

namespace Troc.Domain.Places;

/// <summary>
/// Turns a place name, or what someone typed, into the form place names are searched by: lower case, accents
/// removed, every hyphen, apostrophe or other sign a single space, and the abbreviations "st"/"ste" spelled out
/// ("Saint-Étienne", "st-étienne" and "SAINT ÉTIENNE" all give "saint etienne").
/// </summary>
/// <remarks>
/// Accents go through the catalogue's explicit <see cref="FrenchFolding"/> table (under InvariantGlobalization,
/// <c>string.Normalize(FormD)</c> silently does nothing). The same function folds the names at import and the
/// queries at search time, so the two always agree; <see cref="Version"/> is part of the imported data's version,
/// so changing it refolds the table.
/// </remarks>
public static class PlaceNameFolding
{
    public const int Version = 2;

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
        foreach (var c in text)
        {
            if (FrenchFolding.IsWordCharacter(c))
            {
                FrenchFolding.AppendFolded(word, c);
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
}
