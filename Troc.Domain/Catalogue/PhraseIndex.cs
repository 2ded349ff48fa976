using Troc.Domain.Catalogue.Analysis;

namespace Troc.Domain.Catalogue;

/// <summary>One way a vocabulary phrase points at a target: an item type or, for broad terms, a subcategory.</summary>
internal readonly record struct VocabularyEntry(int Target, bool IsSubcategory, VocabularyKind Kind, string Phrase);

/// <summary>
/// A trie over the matching keys of every vocabulary phrase (function words removed), so the resolver finds all
/// phrases starting at a word in one walk and can prefer the longest.
/// </summary>
internal sealed class PhraseIndex
{
    internal sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public List<VocabularyEntry>? Entries;

        public Node? Child(string key) => Children is not null && Children.TryGetValue(key, out var child) ? child : null;
    }

    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wordKeys = new(StringComparer.Ordinal);

    public Node Root { get; } = new();

    /// <summary>Every key that occurs in some phrase: a word outside it can only match through typo tolerance.</summary>
    public IReadOnlySet<string> Keys => _keys;

    /// <summary>The keys of words as written in phrases, without glued compounds: what typo tolerance corrects towards.</summary>
    public IReadOnlySet<string> WordKeys => _wordKeys;

    public int PhraseCount { get; private set; }

    public void Add(string phrase, VocabularyEntry entry)
    {
        var tokens = FrenchAnalyzer.Analyze(phrase).Where(t => !t.IsFunctionWord).ToList();
        if (tokens.Count == 0) return;
        var keys = tokens.Select(t => t.Key).ToArray();
        _wordKeys.UnionWith(keys);
        Insert(keys, entry);
        // People glue or split compound names at will (« babyfoot », « baby-foot », « baby foot »): a two- or
        // three-word phrase also answers to its words written as one.
        if (tokens.Count is 2 or 3 && tokens.All(t => !t.IsNumber))
            Insert([FrenchLightStemmer.Stem(string.Concat(tokens.Select(t => t.Folded)))], entry);
    }

    private void Insert(string[] keys, VocabularyEntry entry)
    {
        var node = Root;
        foreach (var key in keys)
        {
            _keys.Add(key);
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(key, out var child))
                node.Children[key] = child = new Node();
            node = child;
        }
        node.Entries ??= [];
        // Several spellings of one phrase reach the same node; keep the strongest kind per target.
        var existing = node.Entries.FindIndex(e => e.Target == entry.Target && e.IsSubcategory == entry.IsSubcategory);
        if (existing < 0)
        {
            node.Entries.Add(entry);
            PhraseCount++;
        }
        else if (ItemTypeResolver.KindWeight(entry.Kind) > ItemTypeResolver.KindWeight(node.Entries[existing].Kind))
            node.Entries[existing] = entry;
    }
}
