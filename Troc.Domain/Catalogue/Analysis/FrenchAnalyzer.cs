using System.Text;

namespace Troc.Domain.Catalogue.Analysis;

/// <summary>Splits French text into folded, elided and stemmed words.</summary>
public static class FrenchAnalyzer
{
    /// <summary>Words beyond this are ignored: titles and wants are short, and a pasted novel must stay cheap.</summary>
    public const int MaxTokens = 200;

    /// <summary>Characters beyond this are not read, for the same reason.</summary>
    public const int MaxCharacters = 5000;

    /// <summary>
    /// The words of <paramref name="text"/>. Letters and digits are split apart (« PS4 » → ps 4, « T38 » → t 38)
    /// so that « ps4 », « PS 4 » and « ps-4 » read alike; '+' stays a word because « console + jeux » joins things.
    /// </summary>
    public static List<AnalyzedToken> Analyze(string? text)
    {
        var tokens = new List<AnalyzedToken>();
        if (string.IsNullOrEmpty(text)) return tokens;

        var folded = new StringBuilder(32);
        var start = -1;
        var previousWasDigit = false;
        var length = Math.Min(text.Length, MaxCharacters);
        for (var i = 0; i <= length && tokens.Count < MaxTokens; i++)
        {
            var c = i < length ? text[i] : ' ';
            if (FrenchFolding.IsWordCharacter(c))
            {
                var isDigit = char.IsAsciiDigit(c);
                if (start >= 0 && isDigit != previousWasDigit && folded.Length > 0)
                    Flush(tokens, folded, ref start, i);
                if (start < 0) start = i;
                FrenchFolding.AppendFolded(folded, c);
                previousWasDigit = isDigit;
                continue;
            }
            if (FrenchFolding.IsApostrophe(c) && start >= 0 && FrenchWords.ElidedPrefixes.Contains(folded.ToString()))
            {
                // l'aspirateur, d'occasion, qu'un: the elided article is not a word of its own.
                folded.Clear();
                start = -1;
                continue;
            }
            if (start >= 0) Flush(tokens, folded, ref start, i);
            if (c == '+') tokens.Add(new AnalyzedToken("+", "+", i, 1, IsFunctionWord: true));
        }
        return tokens;
    }

    /// <summary>The matching keys of <paramref name="text"/> without function words, as phrase matching sees them.</summary>
    public static string[] ContentKeys(string text) =>
        Analyze(text).Where(t => !t.IsFunctionWord).Select(t => t.Key).ToArray();

    private static void Flush(List<AnalyzedToken> tokens, StringBuilder folded, ref int start, int end)
    {
        if (folded.Length > 0)
        {
            var word = folded.ToString();
            tokens.Add(new AnalyzedToken(word, FrenchLightStemmer.Stem(word), start, end - start,
                FrenchWords.FunctionWords.Contains(word)));
        }
        folded.Clear();
        start = -1;
    }
}
