using Npgsql;
using NpgsqlTypes;
using Troc.Domain.Catalogue;
using Troc.Domain.Catalogue.Analysis;

namespace Troc.Domain.Search;

/// <summary>Where a suggestion comes from.</summary>
public enum SearchSuggestionKind
{
    /// <summary>The first words of active listings' titles.</summary>
    TitleWords,
    /// <summary>An item type of the catalogue.</summary>
    ItemType,
    /// <summary>A category or subcategory.</summary>
    Category,
}

/// <summary>One completion: the text to search, its kind, how many active listings it finds (see <see cref="SearchSuggestions"/>).</summary>
public sealed record SearchSuggestion(string Text, SearchSuggestionKind Kind, int ListingCount, int? CategoryId);

/// <summary>
/// As-you-type completions of the search box, accent- and case-insensitive, in one statement:
/// <list type="bullet">
/// <item>title words: the first words of active titles that start with the prefix (a range scan of a partial index on
/// the folded title), grouped, as many words as the prefix has, the most frequent first; the count is what a search
/// for those words finds (so « vélo » counts every listing about bikes, not only titles starting with it), capped at
/// <see cref="CountCap"/>;</item>
/// <item>categories whose label starts with the prefix; the count is exact: active listings filed under it or its subcategories;</item>
/// <item>catalogue item types whose label starts with the prefix; the count is the number of active listings a search
/// for the label finds, capped at <see cref="CountCap"/> (an approximation for very common things).</item>
/// </list>
/// The most listings first; a text offered by several sources appears once.
/// </summary>
public sealed class SearchSuggestions(NpgsqlDataSource dataSource)
{
    public const int MaxPrefixLength = 100;
    public const int MaxFirst = 20;
    public const int DefaultFirst = 8;
    public const int CountCap = 1000;

    private static readonly Lazy<IReadOnlyList<(string Folded, string Label)>> ItemTypeLabels = new(() =>
        ItemCatalogue.Default.ItemTypes
            .Select(t => (Folded: FrenchFolding.Fold(t.Label), t.Label))
            .DistinctBy(t => t.Folded)
            .OrderBy(t => t.Folded, StringComparer.Ordinal)
            .ToList());

    public async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string prefix, int first, CancellationToken cancellationToken = default)
    {
        if (CreateCommand(prefix, first) is not { } command) return [];
        var found = new List<SearchSuggestion>();
        await using (command)
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var text = reader.GetString(1).Trim();
                if (text.Length == 0) continue;
                found.Add(new SearchSuggestion(
                    text, Enum.Parse<SearchSuggestionKind>(reader.GetString(0)), reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetInt32(3)));
            }
        }
        return found
            .Where(s => s.ListingCount > 0)
            // The same words from several sources: the catalogue's spelling (and its category link) wins.
            .GroupBy(s => FrenchFolding.Fold(s.Text))
            .Select(g => g.OrderBy(s => s.Kind == SearchSuggestionKind.TitleWords ? 1 : 0).ThenByDescending(s => s.ListingCount).First()
                with { ListingCount = g.Max(s => s.ListingCount) })
            .OrderByDescending(s => s.ListingCount)
            .ThenBy(s => s.Kind)
            .ThenBy(s => s.Text, StringComparer.Ordinal)
            .Take(first)
            .ToList();
    }

    /// <summary>
    /// The statement behind <see cref="SuggestAsync"/>, or null when the prefix holds nothing to complete. Public so that
    /// the benchmark runs exactly the SQL the server runs.
    /// </summary>
    public NpgsqlCommand? CreateCommand(string prefix, int first)
    {
        // Titles separate words with one space: so does the prefix (a trailing space is kept, it asks for the next word).
        prefix = System.Text.RegularExpressions.Regex.Replace(prefix.TrimStart(), @"\s+", " ");
        var folded = FrenchFolding.Fold(prefix);
        var words = folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !folded.Any(char.IsLetterOrDigit)) return null;
        // « machine » completes one word; « machine » followed by a space asks for the next one too.
        var wordCount = words.Length + (char.IsWhiteSpace(folded[^1]) ? 1 : 0);
        var itemTypes = ItemTypeLabels.Value
            .Where(t => t.Folded.StartsWith(folded, StringComparison.Ordinal))
            .OrderBy(t => t.Folded.Length)
            .Take(first)
            .Select(t => t.Label)
            .ToArray();

        var command = dataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = prefix });
        command.Parameters.Add(new NpgsqlParameter("words", NpgsqlDbType.Integer) { Value = wordCount });
        command.Parameters.Add(new NpgsqlParameter("first", NpgsqlDbType.Integer) { Value = first });
        command.Parameters.Add(new NpgsqlParameter("cap", NpgsqlDbType.Integer) { Value = CountCap });
        command.Parameters.Add(new NpgsqlParameter("item_types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = itemTypes });
        // The LIKE patterns are immutable expressions of @prefix: folded when planned, so the prefix index applies.
        command.CommandText = """
            -- The most frequent title beginnings, each counted as the search for those words would count it (capped).
            SELECT 'TitleWords', w.display, (
                SELECT count(*) FROM (
                    SELECT 1 FROM listings l
                    WHERE l.status = 'Active' AND l.search_document @@ plainto_tsquery('troc_french', troc_search_text(w.display))
                    LIMIT @cap) matching)::int, NULL::int
            FROM (
                SELECT mode() WITHIN GROUP (ORDER BY t.display) AS display
                FROM (
                    SELECT array_to_string((string_to_array(l.search_title, ' '))[1:@words], ' ') AS term,
                           rtrim(array_to_string((string_to_array(lower(l.title), ' '))[1:@words], ' '), ' ,.;:!?–-') AS display
                    FROM listings l
                    WHERE l.status = 'Active'
                      AND l.search_title LIKE (replace(replace(replace(troc_search_text(@prefix), '\', '\\'), '%', '\%'), '_', '\_') || '%')
                ) t
                WHERE t.term ~ '[[:alnum:]]$'
                GROUP BY t.term
                ORDER BY count(*) DESC, t.term
                LIMIT @first) w
            UNION ALL
            (SELECT 'Category', c.label, (
                 SELECT count(*) FROM listings l
                 WHERE l.status = 'Active' AND l.category_id IN (SELECT s.id FROM categories s WHERE s.id = c.id OR s.parent_id = c.id))::int, c.id
             FROM categories c
             WHERE lower(troc_unaccent(c.label)) LIKE (replace(replace(replace(lower(troc_unaccent(@prefix)), '\', '\\'), '%', '\%'), '_', '\_') || '%')
             ORDER BY c.id
             LIMIT @first)
            UNION ALL
            SELECT 'ItemType', t.label, (
                SELECT count(*) FROM (
                    SELECT 1 FROM listings l
                    WHERE l.status = 'Active' AND l.search_document @@ plainto_tsquery('troc_french', troc_search_text(t.label))
                    LIMIT @cap) matching)::int, NULL::int
            FROM unnest(@item_types) AS t(label)
            """;
        return command;
    }
}
