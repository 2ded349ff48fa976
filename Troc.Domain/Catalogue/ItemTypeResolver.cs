using Troc.Domain.Catalogue.Analysis;

namespace Troc.Domain.Catalogue;

/// <summary>
/// Reads French titles, descriptions and wants and says which item types (or, for a broad want, which subcategory)
/// they are about, with a confidence and the words that decided it.
/// </summary>
/// <remarks>
/// Matching is on stemmed, accent-folded words: the longest vocabulary phrase wins where phrases overlap, words of
/// five letters or more tolerate typos, a thing named after « pour », « de », « avec »… is read as a complement of
/// what came before (« coque pour iPhone »), and a type loses when the text names one of its near misses instead.
/// Thread-safe: build one per catalogue and share it.
/// </remarks>
public sealed class ItemTypeResolver
{
    private const double DescriptionWeight = 0.4;
    private const double ComplementFactor = 0.5;
    private const double NearMissPenalty = 0.25;
    private const double SupportingEvidenceWeight = 0.3;
    private const double BroadMargin = 0.05;
    private const double CueOnlyShare = 0.2;

    private static readonly Lazy<ItemTypeResolver> Embedded = new(() => new ItemTypeResolver(ItemCatalogue.Default));

    private readonly PhraseIndex _index = new();
    private readonly TypoIndex _typos;
    private readonly IItemTypeRescue? _rescue;
    private readonly int[][] _nearMisses;

    public ItemTypeResolver(ItemCatalogue catalogue, IItemTypeRescue? rescue = null)
    {
        Catalogue = catalogue;
        _rescue = rescue;
        foreach (var type in catalogue.ItemTypes)
        {
            var vocabulary = type.Vocabulary;
            AddAll(vocabulary.Names, VocabularyKind.Name);
            AddAll(vocabulary.Brands, VocabularyKind.Brand);
            AddAll(vocabulary.Functions, VocabularyKind.Function);
            AddAll(vocabulary.Generic, VocabularyKind.Generic);
            AddAll(vocabulary.Cues, VocabularyKind.Cue);

            void AddAll(IReadOnlyList<string> phrases, VocabularyKind kind)
            {
                foreach (var phrase in phrases)
                    _index.Add(phrase, new VocabularyEntry(type.Index, false, kind, phrase));
            }
        }
        foreach (var subcategory in catalogue.Subcategories)
            foreach (var term in subcategory.BroadTerms)
                _index.Add(term, new VocabularyEntry(subcategory.Index, true, VocabularyKind.Broad, term));
        _typos = new TypoIndex(_index.WordKeys);
        _nearMisses = catalogue.ItemTypes
            .Select(t => t.NearMisses.Select(slug => catalogue.FindItemType(slug)!.Index).ToArray())
            .ToArray();
    }

    /// <summary>A resolver over <see cref="ItemCatalogue.Default"/>, without rescue.</summary>
    public static ItemTypeResolver Default => Embedded.Value;

    public ItemCatalogue Catalogue { get; }

    /// <summary>Number of distinct vocabulary phrases indexed (spelling variants that read alike count once).</summary>
    public int IndexedPhraseCount => _index.PhraseCount;

    internal static double KindWeight(VocabularyKind kind) => kind switch
    {
        VocabularyKind.Name => 1.0,
        VocabularyKind.Broad => 1.0,
        VocabularyKind.Brand => 0.9,
        VocabularyKind.Function => 0.8,
        VocabularyKind.Generic => 0.6,
        VocabularyKind.Embedding => 0.3,
        _ => 0.25,
    };

    /// <summary>Item types a free text may be about, best first: what a form suggests while someone types.</summary>
    public IReadOnlyList<ItemTypeMatch> Suggest(string? text, int first = 5)
    {
        var scoring = new Scoring();
        Score(scoring, text, 1.0, fromDescription: false);
        return scoring.RankItemTypes(this, first);
    }

    /// <summary>
    /// Item types of a listing, best first. The title decides; the description only supports or breaks ties, since
    /// descriptions mention other things (« vendu avec sa housse »).
    /// </summary>
    public IReadOnlyList<ItemTypeMatch> ResolveListing(string? title, string? description = null, int first = 3)
    {
        var scoring = new Scoring();
        Score(scoring, title, 1.0, fromDescription: false);
        Score(scoring, description, DescriptionWeight, fromDescription: true);
        return scoring.RankItemTypes(this, first);
    }

    /// <summary>What a want asks for: item types, or a whole subcategory when it is broad (« de l'outillage »).</summary>
    public WantResolution ResolveWant(string? text, int first = 3)
    {
        var scoring = new Scoring();
        Score(scoring, text, 1.0, fromDescription: false);
        var itemTypes = scoring.RankItemTypes(this, first);
        var subcategory = scoring.BestSubcategory(this, out var subcategoryScore);
        var bestItemScore = scoring.BestItemScore;
        // « un VTT » names a kind of bike even when « vélo » is also a broad term; only names and brands settle it,
        // so « un vélo » (a generic word) can still be broad where the data says so.
        if (subcategory is not null && !scoring.TopItemIsNamed && subcategoryScore > bestItemScore + BroadMargin)
            return new WantResolution(WantScope.Subcategory, itemTypes, subcategory);
        return itemTypes.Count > 0
            ? new WantResolution(WantScope.ItemTypes, itemTypes, subcategory)
            : subcategory is not null ? new WantResolution(WantScope.Subcategory, itemTypes, subcategory) : WantResolution.Unresolved;
    }

    /// <summary><see cref="Suggest"/>, then the rescue (if any) re-ranks close candidates or proposes some when none matched.</summary>
    public async ValueTask<IReadOnlyList<ItemTypeMatch>> SuggestAsync(string? text, int first = 5, CancellationToken cancellationToken = default) =>
        await RescueAsync(text, Suggest(text, first), first, cancellationToken);

    /// <summary><see cref="ResolveWant"/>, then the rescue (if any) re-ranks close candidates or proposes some when none matched.</summary>
    public async ValueTask<WantResolution> ResolveWantAsync(string? text, int first = 3, CancellationToken cancellationToken = default)
    {
        var resolution = ResolveWant(text, first);
        if (resolution.Scope == WantScope.Subcategory) return resolution;
        var rescued = await RescueAsync(text, resolution.ItemTypes, first, cancellationToken);
        return rescued.Count == 0 ? resolution : resolution with { Scope = WantScope.ItemTypes, ItemTypes = rescued };
    }

    private async ValueTask<IReadOnlyList<ItemTypeMatch>> RescueAsync(
        string? text, IReadOnlyList<ItemTypeMatch> matches, int first, CancellationToken cancellationToken)
    {
        if (_rescue is null || string.IsNullOrWhiteSpace(text)) return matches;
        var folded = FrenchFolding.Fold(text);
        if (matches.Count == 0)
        {
            var proposed = await _rescue.RescueAsync(folded, [], cancellationToken);
            return proposed
                .Select(c => (Candidate: c, Type: Catalogue.FindItemType(c.ItemTypeSlug)))
                .Where(c => c.Type is not null)
                .OrderByDescending(c => c.Candidate.Similarity)
                .Take(first)
                .Select(c => new ItemTypeMatch(c.Type!, Math.Round(KindWeight(VocabularyKind.Embedding) * Math.Clamp(c.Candidate.Similarity, 0, 1), 3),
                    [new MatchEvidence(text, c.Type!.Label, VocabularyKind.Embedding, false, 0, false)]))
                .ToList();
        }
        // Only a near tie is the model's to break; a clear vocabulary match stands.
        var close = matches.TakeWhile(m => matches[0].Confidence - m.Confidence <= 0.15).ToList();
        if (close.Count < 2 || matches[0].Confidence >= 0.6) return matches;
        var similarities = (await _rescue.RescueAsync(folded, close, cancellationToken))
            .ToDictionary(c => c.ItemTypeSlug, c => c.Similarity, StringComparer.Ordinal);
        var reranked = close.OrderByDescending(m => similarities.GetValueOrDefault(m.ItemType.Slug)).ToList();
        reranked.AddRange(matches.Skip(close.Count));
        return reranked;
    }

    private void Score(Scoring scoring, string? text, double sourceWeight, bool fromDescription)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var tokens = FrenchAnalyzer.Analyze(text);
        var content = new List<int>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
            if (!tokens[i].IsFunctionWord) content.Add(i);
        if (content.Count == 0) return;

        var options = new (string[] Keys, int Distance)[content.Count];
        for (var c = 0; c < content.Count; c++)
            options[c] = KeysFor(tokens[content[c]]);

        var matches = new List<PhraseMatch>();
        for (var start = 0; start < content.Count; start++)
        {
            Walk(_index.Root, start, start, 0, options, matches);
            if (start + 1 < content.Count)
            {
                var a = tokens[content[start]];
                var b = tokens[content[start + 1]];
                if (!a.IsNumber && !b.IsNumber && _index.Root.Child(FrenchLightStemmer.Stem(a.Folded + b.Folded)) is { Entries: not null } joined)
                    matches.Add(new PhraseMatch(start, start + 2, joined, 0));
            }
        }
        if (matches.Count == 0) return;

        // Longest phrase first: « perceuse visseuse » beats « perceuse », « table basse » beats « table ».
        matches.Sort((x, y) => y.Length != x.Length ? y.Length.CompareTo(x.Length)
            : x.Distance != y.Distance ? x.Distance.CompareTo(y.Distance) : x.Start.CompareTo(y.Start));
        var covered = new bool[content.Count];
        var selected = new List<PhraseMatch>();
        foreach (var match in matches)
        {
            var free = true;
            for (var c = match.Start; c < match.End && free; c++) free = !covered[c];
            if (!free) continue;
            for (var c = match.Start; c < match.End; c++) covered[c] = true;
            selected.Add(match);
        }
        selected.Sort((x, y) => x.Start.CompareTo(y.Start));

        var namedSoFar = 0;
        var previousEndToken = -1;
        foreach (var match in selected)
        {
            var firstToken = content[match.Start];
            var lastToken = content[match.End - 1];
            var complement = namedSoFar > 0 && HasComplementPreposition(tokens, previousEndToken + 1, firstToken);
            var names = match.Node.Entries!.Exists(e => e.Kind != VocabularyKind.Cue);
            var factor = sourceWeight
                * RankFactor(names ? namedSoFar : Math.Max(0, namedSoFar - 1))
                * (complement ? ComplementFactor : 1.0)
                * (match.Distance == 0 ? 1.0 : match.Distance == 1 ? 0.85 : 0.7);
            var span = new EvidenceSpan(
                text.Substring(tokens[firstToken].Start, tokens[lastToken].Start + tokens[lastToken].Length - tokens[firstToken].Start),
                tokens[firstToken].Start, match.Distance > 0, fromDescription);
            var spanId = scoring.AddSpan(span);
            foreach (var entry in match.Node.Entries!)
                scoring.Add(entry, KindWeight(entry.Kind) * factor, spanId);
            if (names) namedSoFar++;
            previousEndToken = lastToken;
        }
    }

    private const string PourKey = "pour";

    private static double RankFactor(int rank) => rank switch { 0 => 1.0, 1 => 0.85, 2 => 0.75, _ => 0.7 };

    private static bool HasComplementPreposition(List<AnalyzedToken> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (FrenchWords.ComplementPrepositions.Contains(tokens[i].Folded)) return true;
        return false;
    }

    private (string[] Keys, int Distance) KeysFor(AnalyzedToken token)
    {
        if (_index.Keys.Contains(token.Key)) return ([token.Key], 0);
        if (token.IsNumber || token.Folded.Length < TypoIndex.MinimumWordLength || FrenchWords.NeverCorrected.Contains(token.Folded))
            return ([], 0);
        foreach (var c in token.Folded)
            if (!char.IsAsciiLetterLower(c)) return ([], 0);
        var (keys, distance) = _typos.Closest(token.Key, token.Folded.Length);
        return (keys.ToArray(), distance);
    }

    private static void Walk(PhraseIndex.Node node, int start, int position, int distance, (string[] Keys, int Distance)[] options, List<PhraseMatch> matches)
    {
        if (position >= options.Length) return;
        var (keys, keyDistance) = options[position];
        // « sacoche pour vélo » still meets « sacoche vélo », at the price of an edit, so a phrase that does say
        // « pour » (« robe pour un mariage ») is preferred over one that does not (« robe de mariage »).
        if (position > start && node.Children is not null && keys is [PourKey] && position + 1 < options.Length)
            Walk(node, start, position + 1, distance + 1, options, matches);
        foreach (var key in keys)
        {
            var child = node.Child(key);
            if (child is null) continue;
            if (child.Entries is not null) matches.Add(new PhraseMatch(start, position + 1, child, distance + keyDistance));
            if (child.Children is not null) Walk(child, start, position + 1, distance + keyDistance, options, matches);
        }
    }

    private readonly record struct PhraseMatch(int Start, int End, PhraseIndex.Node Node, int Distance)
    {
        public int Length => End - Start;
    }

    private sealed record EvidenceSpan(string Text, int Start, bool Corrected, bool FromDescription);

    /// <summary>What one target has gathered: its best piece of evidence counts fully, the rest only supports it.</summary>
    private sealed class Accumulator(int target)
    {
        public int Target { get; } = target;
        public double Best;
        public double Others;
        public double Named;
        public double Penalty = 1.0;
        public readonly List<(int SpanId, VocabularyEntry Entry, double Contribution)> Evidence = [];

        public double Score => (Best + SupportingEvidenceWeight * Math.Min(1.0, Others)) * Penalty;

        public bool NamedBy(int spanId) => Evidence.Exists(e => e.SpanId == spanId && e.Entry.Kind != VocabularyKind.Cue);
    }

    private sealed class Scoring
    {
        private readonly Dictionary<int, Accumulator> _items = [];
        private readonly Dictionary<int, Accumulator> _subcategories = [];
        private readonly List<EvidenceSpan> _spans = [];
        private List<Accumulator>? _ranked;

        public double BestItemScore => _ranked is { Count: > 0 } ? _ranked[0].Score : 0;

        /// <summary>Whether the best item type is named (a name or a brand), not merely suggested.</summary>
        public bool TopItemIsNamed => _ranked is { Count: > 0 } && _ranked[0].Evidence.Exists(e => e.Entry.Kind is VocabularyKind.Name or VocabularyKind.Brand);


        public int AddSpan(EvidenceSpan span)
        {
            _spans.Add(span);
            return _spans.Count - 1;
        }

        public void Add(VocabularyEntry entry, double contribution, int spanId)
        {
            var targets = entry.IsSubcategory ? _subcategories : _items;
            if (!targets.TryGetValue(entry.Target, out var accumulator))
                targets[entry.Target] = accumulator = new Accumulator(entry.Target);
            if (contribution > accumulator.Best)
            {
                accumulator.Others += accumulator.Best;
                accumulator.Best = contribution;
            }
            else accumulator.Others += contribution;
            if (entry.Kind != VocabularyKind.Cue) accumulator.Named = Math.Max(accumulator.Named, contribution);
            accumulator.Evidence.Add((spanId, entry, contribution));
        }

        public IReadOnlyList<ItemTypeMatch> RankItemTypes(ItemTypeResolver resolver, int first)
        {
            ApplyNearMissPenalties(resolver);
            _ranked = _items.Values
                .OrderByDescending(a => a.Score).ThenByDescending(a => a.Named).ThenBy(a => a.Target)
                .ToList();
            if (_ranked.Count == 0 || first <= 0) return [];
            // Cue-only candidates (every appliance a maker makes) should not dilute a named one much.
            var total = _ranked.Sum(a => a.Named > 0 ? a.Score : CueOnlyShare * a.Score);
            return _ranked.Take(first)
                .Select(a => new ItemTypeMatch(resolver.Catalogue.ItemTypes[a.Target], Confidence(a.Named > 0 ? a.Score : CueOnlyShare * a.Score, total, a.Score), EvidenceOf(a)))
                .ToList();
        }

        public SubcategoryMatch? BestSubcategory(ItemTypeResolver resolver, out double score)
        {
            score = 0;
            var best = _subcategories.Values.OrderByDescending(a => a.Score).ThenBy(a => a.Target).FirstOrDefault();
            if (best is null) return null;
            score = best.Score;
            return new SubcategoryMatch(resolver.Catalogue.Subcategories[best.Target], Confidence(best.Score, best.Score + BestItemScore, best.Score), EvidenceOf(best));
        }

        /// <summary>
        /// A type loses most of its score when the text names one of its near misses with words that do not name
        /// the type itself, at least as strongly: « raboteuse » must not come out as « meuleuse ».
        /// </summary>
        private void ApplyNearMissPenalties(ItemTypeResolver resolver)
        {
            foreach (var candidate in _items.Values)
            {
                foreach (var missIndex in resolver._nearMisses[candidate.Target])
                {
                    if (!_items.TryGetValue(missIndex, out var miss) || miss.Named <= 0 || miss.Named < candidate.Named) continue;
                    if (miss.Evidence.Exists(e => e.Entry.Kind != VocabularyKind.Cue && !candidate.NamedBy(e.SpanId)))
                    {
                        candidate.Penalty = NearMissPenalty;
                        break;
                    }
                }
            }
        }

        private static double Confidence(double share, double total, double score) =>
            total <= 0 ? 0 : Math.Round(Math.Min(1.0, score) * Math.Sqrt(Math.Min(1.0, share / total)), 3);

        private List<MatchEvidence> EvidenceOf(Accumulator accumulator) =>
            accumulator.Evidence
                .OrderByDescending(e => e.Contribution)
                .Select(e => (Span: _spans[e.SpanId], e.Entry))
                .Select(e => new MatchEvidence(e.Span.Text, e.Entry.Phrase, e.Entry.Kind, e.Span.Corrected, e.Span.Start, e.Span.FromDescription))
                .ToList();
    }
}
