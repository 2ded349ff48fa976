using Troc.Domain.Catalogue;

namespace Troc.Bench.Catalogue;

/// <summary>The resolver's answer to one phrase: its ranked slugs (item types, or a subcategory for a broad want).</summary>
public sealed record Prediction(LabelledPhrase Phrase, IReadOnlyList<string> Ranked)
{
    public string? Top1 => Ranked.Count > 0 ? Ranked[0] : null;
    public bool Correct => Top1 == Phrase.Expected;
    public bool InTop3 => Ranked.Take(3).Contains(Phrase.Expected);
    public bool NearMissConfusion => Top1 is not null && Phrase.MustNot.Contains(Top1);
}

/// <summary>Scores of one half for one kind of phrase.</summary>
public sealed record Score(int Count, double Top1, double Top3, int WithNearMisses, double NearMissConfusion);

public static class Evaluation
{
    public static Prediction Predict(ItemTypeResolver resolver, LabelledPhrase phrase)
    {
        if (phrase.Kind == PhraseKind.Title)
            return new Prediction(phrase, resolver.ResolveListing(phrase.Text, null, 3).Select(m => m.ItemType.Slug).ToList());

        var want = resolver.ResolveWant(phrase.Text, 3);
        var ranked = new List<string>();
        if (want.Scope == WantScope.Subcategory && want.Subcategory is not null) ranked.Add(want.Subcategory.Subcategory.Slug);
        ranked.AddRange(want.ItemTypes.Select(m => m.ItemType.Slug));
        if (want.Scope == WantScope.ItemTypes && want.Subcategory is not null) ranked.Add(want.Subcategory.Subcategory.Slug);
        return new Prediction(phrase, ranked);
    }

    public static Score Summarise(IReadOnlyList<Prediction> predictions)
    {
        var withNearMisses = predictions.Where(p => p.Phrase.MustNot.Count > 0).ToList();
        return new Score(
            predictions.Count,
            Ratio(predictions.Count(p => p.Correct), predictions.Count),
            Ratio(predictions.Count(p => p.InTop3), predictions.Count),
            withNearMisses.Count,
            Ratio(withNearMisses.Count(p => p.NearMissConfusion), withNearMisses.Count));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
