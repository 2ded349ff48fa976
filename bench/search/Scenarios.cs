using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Troc.Domain.Common;
using Troc.Domain.Search;

namespace Troc.Bench.Search;

/// <summary>
/// One benchmarked search: the GraphQL operation a search page would send, and the same work as raw Npgsql — the very
/// statements the server runs, built by <see cref="ListingSearch"/> itself (category expansion when filtering by
/// category, the typo-tolerance check of text searches, the page, the facets behind `totalCount`).
/// </summary>
public sealed class Scenario(
    string name, string query, object variables, Func<ListingSearch, NpgsqlDataSource, Task<List<NpgsqlCommand>>> commands,
    Func<NpgsqlDataSource, IReadOnlyList<object[]>, Task>? loadFields = null)
{
    public string Name { get; } = name;

    public string Query { get; } = query;

    public object Variables { get; } = variables;

    /// <summary>
    /// Runs the statements in the server's order, reading every row; then <c>loadFields</c> runs, with the first
    /// statement's rows, the batch loaders' own SQL for what the GraphQL operation selects (the page's listings and their
    /// categories, a suggestion's category), as the server does. Returns the number of rows of the first statement.
    /// </summary>
    public async Task<int> RunRawAsync(ListingSearch search, NpgsqlDataSource dataSource)
    {
        List<object[]>? first = null;
        foreach (var command in await commands(search, dataSource))
        {
            await using (command)
            await using (var reader = await command.ExecuteReaderAsync())
            {
                var rows = new List<object[]>();
                while (await reader.ReadAsync())
                {
                    var values = new object[reader.FieldCount];
                    reader.GetValues(values);
                    rows.Add(values);
                }
                first ??= rows;
            }
        }
        if (loadFields is not null && first is not null) await loadFields(dataSource, first);
        return first?.Count ?? -1;
    }

    public async Task<string> ExplainAsync(ListingSearch search, NpgsqlDataSource dataSource)
    {
        var text = new StringBuilder();
        foreach (var command in await commands(search, dataSource))
        {
            await using (command)
            {
                text.AppendLine("```sql").AppendLine(command.CommandText).AppendLine("```");
                command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
                await using var reader = await command.ExecuteReaderAsync();
                text.AppendLine("```");
                while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
                text.AppendLine("```");
            }
        }
        return text.ToString();
    }
}

public static class Scenarios
{
    public const int PageSize = 20;

    private const string SearchOperation = """
        query Search($query: String, $near: NearInput, $where: ListingFilterInput, $order: ListingSearchOrder) {
          searchListings(query: $query, near: $near, where: $where, order: $order, first: 20) {
            totalCount
            edges {
              cursor
              distanceKm
              node { id title placeName condition createdAt category { label } images { url(size: THUMBNAIL) width(size: THUMBNAIL) height(size: THUMBNAIL) } }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private const string SuggestionsOperation = """
        query Suggest($prefix: String!) {
          searchSuggestions(prefix: $prefix) { text kind listingCount category { id label } }
        }
        """;

    private static readonly GeoPoint Lyon = new(45.7640, 4.8357);
    private static readonly GeoPoint Paris = new(48.8566, 2.3522);

    public static async Task<IReadOnlyList<Scenario>> CreateAsync(ServerProcess server, NpgsqlDataSource dataSource)
    {
        var loaders = RawLoaders.Capture(dataSource);
        var categories = await server.PostAsync("{ categories { id slug } }", null);
        var sportId = categories!["categories"]!.AsArray().Single(c => c!["slug"]!.GetValue<string>() == "sport-plein-air")!["id"]!.GetValue<string>();
        await using var lookup = dataSource.CreateCommand("SELECT id FROM categories WHERE slug = 'sport-plein-air'");
        var sportKey = (int)(await lookup.ExecuteScalarAsync())!;

        return
        [
            Search("text only: « vélo enfant »",
                new { query = "vélo enfant" },
                new ListingSearchCriteria { Text = "vélo enfant", Order = ListingSearchOrder.Relevance }, loaders),
            Search("text + 10 km: « lampe » around Lyon",
                new { query = "lampe", near = new { latitude = Lyon.Latitude, longitude = Lyon.Longitude, radiusKm = 10.0 } },
                new ListingSearchCriteria { Text = "lampe", Near = Lyon, RadiusKm = 10, Order = ListingSearchOrder.Relevance }, loaders),
            Search("category Sport + 30 km around Paris, DISTANCE",
                new { near = new { latitude = Paris.Latitude, longitude = Paris.Longitude, radiusKm = 30.0 }, where = new { categoryIds = new[] { sportId } }, order = "DISTANCE" },
                new ListingSearchCriteria { Near = Paris, RadiusKm = 30, CategoryIds = [sportKey], Order = ListingSearchOrder.Distance }, loaders,
                expandCategories: true),
            Search("no query, NEWEST (all of France)",
                new { order = "NEWEST" },
                new ListingSearchCriteria { Order = ListingSearchOrder.Newest }, loaders),
            Search("typo: « bycyclette »",
                new { query = "bycyclette" },
                new ListingSearchCriteria { Text = "bycyclette", Order = ListingSearchOrder.Relevance }, loaders),
            new Scenario("searchSuggestions « mach »", SuggestionsOperation, new { prefix = "mach" },
                (_, source) => Task.FromResult<List<NpgsqlCommand>>([new SearchSuggestions(source).CreateCommand("mach", SearchSuggestions.DefaultFirst)!]),
                (source, rows) => loaders.LoadCategoriesAsync(source, rows.Select(r => r[3]).OfType<int>().ToList())),
        ];
    }

    private static Scenario Search(string name, object variables, ListingSearchCriteria criteria, RawLoaders loaders, bool expandCategories = false) =>
        new(name, SearchOperation, variables, async (search, _) =>
        {
            var effective = criteria;
            if (expandCategories)
            {
                // The server expands the category filter with its subcategories: one statement, run here too.
                var (expanded, _) = await search.ExpandCategoriesAsync(criteria.CategoryIds!);
                effective = criteria with { CategoryIds = expanded };
            }
            // Typo tolerance is decided once per search, with one capped count (text searches only), as the server does.
            effective = await search.ResolveTypoToleranceAsync(effective);
            return [search.CreatePageCommand(effective, null, PageSize), search.CreateFacetsCommand(effective)];
        }, (source, rows) => loaders.LoadListingsAsync(source, rows.Take(PageSize).Select(r => (Guid)r[0]).ToList()));
}
