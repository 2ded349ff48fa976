namespace Troc.Bench.Catalogue;

/// <summary>Whether a phrase is a listing title or a want.</summary>
public enum PhraseKind { Title, Want }

/// <summary>One hand-labelled phrase of the evaluation set.</summary>
public sealed record LabelledPhrase(PhraseKind Kind, string Text, string Expected, IReadOnlyList<string> MustNot);

/// <summary>Reads the evaluation TSV files: kind, text, expected slug, comma-separated near misses. Lines starting with # are comments.</summary>
public static class EvaluationSet
{
    public static IReadOnlyList<LabelledPhrase> Read(string path)
    {
        var phrases = new List<LabelledPhrase>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            if (columns.Length < 3) throw new FormatException($"{path}: expected at least 3 tab-separated columns in '{line}'");
            var kind = columns[0] switch
            {
                "title" => PhraseKind.Title,
                "want" => PhraseKind.Want,
                _ => throw new FormatException($"{path}: unknown kind '{columns[0]}'"),
            };
            var mustNot = columns.Length > 3 ? columns[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            phrases.Add(new LabelledPhrase(kind, columns[1], columns[2], mustNot));
        }
        return phrases;
    }
}
