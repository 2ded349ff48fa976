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
        KeepModelCodeLetters(tokens);
        return tokens;
    }

    /// <summary>The matching keys of <paramref name="text"/> without function words, as phrase matching sees them.</summary>
    public static string[] ContentKeys(string text) =>
        Analyze(text).Where(t => !t.IsFunctionWord).Select(t => t.Key).ToArray();

    /// <summary>
    /// A letter glued to digits is part of a model code, not an article: « D3500 », « M365 », « A6000 », « T540 »
    /// must not shrink to a bare number that any size or quantity would match.
    /// </summary>
    private static void KeepModelCodeLetters(List<AnalyzedToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.IsFunctionWord || token.IsNumber || token.Folded == "+") continue;
            var gluedToNext = i + 1 < tokens.Count && tokens[i + 1].IsNumber && tokens[i + 1].Start == token.Start + token.Length;
            var gluedToPrevious = i > 0 && tokens[i - 1].IsNumber && tokens[i - 1].Start + tokens[i - 1].Length == token.Start;
            if (gluedToNext || gluedToPrevious) tokens[i] = token with { IsFunctionWord = false };
        }
    }

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
