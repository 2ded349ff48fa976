using Troc.Domain.Catalogue.Analysis;

namespace Troc.Domain.Catalogue;

/// <summary>
/// Finds the vocabulary keys within a small edit distance of a misspelt word without comparing it to every key:
/// each key is stored under all the strings obtained by deleting up to two of its letters (symmetric deletion), so
/// a lookup generates the deletions of the query and verifies the few keys they meet.
/// </summary>
internal sealed class TypoIndex
{
    /// <summary>Words shorter than this are never corrected: « sac » and « lit » are a letter away from too much.</summary>
    public const int MinimumWordLength = 5;

    /// <summary>From this length on, two edits are tolerated instead of one.</summary>
    public const int TwoEditsWordLength = 8;

    private const int MinimumKeyLength = 4;

    private readonly Dictionary<string, List<string>> _keysByDeletion = new(StringComparer.Ordinal);

    public TypoIndex(IEnumerable<string> keys)
    {
        var deletions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (key.Length < MinimumKeyLength || !key.All(char.IsAsciiLetterLower)) continue;
            Deletions(key, key.Length >= 6 ? 2 : 1, deletions);
            foreach (var deletion in deletions)
            {
                if (!_keysByDeletion.TryGetValue(deletion, out var list))
                    _keysByDeletion[deletion] = list = new List<string>(1);
                if (!list.Contains(key)) list.Add(key);
            }
        }
    }

    /// <summary>Number of deletion strings stored (a measure of the index size).</summary>
    public int Size => _keysByDeletion.Count;

    /// <summary>
    /// The vocabulary keys closest to <paramref name="key"/> (the stemmed form of a word of <paramref name="wordLength"/>
    /// letters), all at the same smallest distance, or none when nothing is within the tolerance for that length.
    /// </summary>
    public (IReadOnlyList<string> Keys, int Distance) Closest(string key, int wordLength)
    {
        var maxDistance = wordLength >= TwoEditsWordLength ? 2 : wordLength >= MinimumWordLength ? 1 : 0;
        if (maxDistance == 0 || key.Length < MinimumKeyLength - 1) return ([], 0);

        List<string>? best = null;
        var bestDistance = maxDistance + 1;
        var deletions = new HashSet<string>(StringComparer.Ordinal);
        Deletions(key, maxDistance, deletions);
        foreach (var deletion in deletions)
        {
            if (!_keysByDeletion.TryGetValue(deletion, out var candidates)) continue;
            foreach (var candidate in candidates)
            {
                var distance = DamerauLevenshtein.Distance(key, candidate, maxDistance);
                if (distance > maxDistance || distance > bestDistance || distance == 0) continue;
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = [];
                }
                if (!best!.Contains(candidate)) best.Add(candidate);
            }
        }
        return best is null ? ([], 0) : (best, bestDistance);
    }

    /// <summary>Fills <paramref name="result"/> with the word and every string obtained by deleting up to <paramref name="max"/> (1 or 2) letters.</summary>
    private static void Deletions(string word, int max, HashSet<string> result)
    {
        result.Clear();
        result.Add(word);
        for (var i = 0; i < word.Length; i++)
        {
            var once = string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
            if (!result.Add(once) || max < 2 || once.Length <= 2) continue;
            for (var j = i; j < once.Length; j++)
                result.Add(string.Concat(once.AsSpan(0, j), once.AsSpan(j + 1)));
        }
    }
}
