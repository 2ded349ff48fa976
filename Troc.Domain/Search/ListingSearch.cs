using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Troc.Domain.Common;
using Troc.Domain.Listings;

namespace Troc.Domain.Search;

/// <summary>How search results are ordered.</summary>
public enum ListingSearchOrder
{
    /// <summary>Best text match first (an exact title first of all); needs a query, otherwise NEWEST.</summary>
    Relevance,
    /// <summary>Nearest first; needs a point.</summary>
    Distance,
    /// <summary>Most recently published first.</summary>
    Newest,
}

/// <summary>A validated search: every id resolved, every range checked (see the GraphQL layer for the errors).</summary>
public sealed record ListingSearchCriteria
{
    /// <summary>Free text in websearch syntax, trimmed; null or empty for none.</summary>
    public string? Text { get; init; }

    public GeoPoint? Near { get; init; }

    public double RadiusKm { get; init; }

    /// <summary>Categories to keep, already expanded with their subcategories; null for all.</summary>
    public IReadOnlyList<int>? CategoryIds { get; init; }

    public IReadOnlyList<ItemCondition>? Conditions { get; init; }

    /// <summary>Item types (item_types keys) to keep; null for all. Listings without an item type never match a list.</summary>
    public IReadOnlyList<int>? ItemTypeIds { get; init; }

    /// <summary>Leave out this member's own listings.</summary>
    public Guid? ExcludeOwnerId { get; init; }

    public DateTime? PostedAfter { get; init; }

    /// <summary>The member searching, if signed in: listings of members they block, or who block them, are left out.</summary>
    public Guid? ViewerId { get; init; }

    public ListingSearchOrder Order { get; init; } = ListingSearchOrder.Newest;

    /// <summary>
    /// Whether plain words also match titles within typo distance: null lets the search decide (plain words without
    /// websearch operators: yes); <see cref="ListingSearch.ResolveTypoToleranceAsync"/> turns it off when exact full-text
    /// matching already finds enough.
    /// </summary>
    public bool? TypoTolerant { get; init; }

    public bool HasText => !string.IsNullOrWhiteSpace(Text);
}

/// <summary>One result: the listing id, its cursor, and its distance from the search point (rounded, never under the blur).</summary>
public sealed record ListingSearchHit(Guid ListingId, string Cursor, double? DistanceKm);

public sealed record ListingSearchPage(IReadOnlyList<ListingSearchHit> Hits, bool HasNextPage);

/// <summary>Counts of the whole result set (all pages): per subcategory and per condition. Each list sums to <see cref="TotalCount"/>.</summary>
public sealed record ListingSearchFacets(
    int TotalCount,
    IReadOnlyList<(int CategoryId, int Count)> Categories,
    IReadOnlyList<(ItemCondition Condition, int Count)> Conditions);

/// <summary>Thrown for a cursor that is not one of ours or belongs to another order.</summary>
public sealed class InvalidSearchCursorException() : Exception("Not a cursor of this search.");

/// <summary>
/// Searches active listings with hand-written SQL (see the Search migration): French full text on a weighted
/// document, trigram typo tolerance on the title, radius and distance on the blurred point through its GiST index,
/// keyset pagination. Only <see cref="ListingStatus.Active"/> listings are ever found, and only by their blurred
/// <c>public_location</c>: the exact point takes no part in search.
/// </summary>
public sealed class ListingSearch(NpgsqlDataSource dataSource)
{
    public const int MaxQueryLength = 200;
    public const double MaxRadiusKm = 500;

    /// <summary>
    /// With typo tolerance, exact full-text matching must find fewer than this many listings before titles within typo
    /// distance are searched as well (a trigram scan of the titles costs far more than the full-text index).
    /// </summary>
    public const int TypoFallbackBelow = 20;

    /// <summary>Text matches the document.</summary>
    private const string ExactTextMatch = "l.search_document @@ websearch_to_tsquery('troc_french', troc_search_text(@q))";

    /// <summary>Text matches the document, or (plain words, no websearch operators) the title within typo distance.</summary>
    private const string TypoTolerantTextMatch =
        "(l.search_document @@ websearch_to_tsquery('troc_french', troc_search_text(@q)) OR troc_search_text(@q) <% l.search_title)";

    private const string Rank =
        "((CASE WHEN l.search_title = troc_search_text(@q) THEN 10 ELSE 0 END)::float8 " +
        "+ ts_rank_cd(l.search_document, websearch_to_tsquery('troc_french', troc_search_text(@q)))::float8 " +
        "+ word_similarity(troc_search_text(@q), l.search_title)::float8)";

    private const string Point = "ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography";

    public async Task<ListingSearchPage> PageAsync(
        ListingSearchCriteria criteria, string? after, int first, CancellationToken cancellationToken = default)
    {
        var order = EffectiveOrder(criteria);
        await using var command = CreatePageCommand(criteria, after, first);
        var hits = new List<ListingSearchHit>(first + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                var next = order == ListingSearchOrder.Newest
                    ? new SearchCursor(order, 0, reader.GetFieldValue<DateTime>(1).Ticks, id)
                    : new SearchCursor(order, reader.GetDouble(1), 0, id);
                double? km = reader.IsDBNull(2) ? null : RoundKm(reader.GetDouble(2));
                hits.Add(new ListingSearchHit(id, next.Encode(), km));
            }
        }
        var hasNext = hits.Count > first;
        if (hasNext) hits.RemoveAt(hits.Count - 1);
        return new ListingSearchPage(hits, hasNext);
    }

    /// <summary>
    /// The statement behind <see cref="PageAsync"/>: one row per hit (id, sort key, distance in metres or null), at most
    /// <paramref name="first"/> + 1 rows. Public so that the benchmark runs exactly the SQL the server runs.
    /// </summary>
    /// <exception cref="InvalidSearchCursorException">When <paramref name="after"/> is not a cursor of this order.</exception>
    public NpgsqlCommand CreatePageCommand(ListingSearchCriteria criteria, string? after, int first)
    {
        var order = EffectiveOrder(criteria);
        var cursor = after is null ? null : SearchCursor.Decode(after, order);
        var command = dataSource.CreateCommand();
        var where = Where(criteria, command);
        var key = order switch
        {
            ListingSearchOrder.Relevance => Rank,
            ListingSearchOrder.Distance => $"(l.public_location <-> {Point})",
            _ => "l.created_at",
        };
        var distance = criteria.Near is null ? "NULL::float8" : $"ST_Distance(l.public_location, {Point})";
        var keyset = "";
        if (cursor is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = cursor.Id });
            if (order == ListingSearchOrder.Newest)
                command.Parameters.Add(new NpgsqlParameter("after_key", NpgsqlDbType.TimestampTz) { Value = new DateTime(cursor.Ticks, DateTimeKind.Utc) });
            else
                command.Parameters.Add(new NpgsqlParameter("after_key", NpgsqlDbType.Double) { Value = cursor.Key });
            keyset = order switch
            {
                ListingSearchOrder.Relevance => "WHERE (s.key < @after_key OR (s.key = @after_key AND s.id > @after_id))",
                ListingSearchOrder.Distance => "WHERE (s.key, s.id) > (@after_key, @after_id)",
                _ => "WHERE (s.key, s.id) < (@after_key, @after_id)",
            };
        }
        var orderBy = order switch
        {
            ListingSearchOrder.Relevance => "s.key DESC, s.id",
            ListingSearchOrder.Distance => "s.key, s.id",
            _ => "s.key DESC, s.id DESC",
        };
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = first + 1 });
        command.CommandText = order == ListingSearchOrder.Distance
            ? NearestFirst(where, distance, cursor is not null)
            : $"""
                SELECT s.id, s.key, s.distance FROM (
                    SELECT l.id, {key} AS key, {distance} AS distance FROM listings l WHERE {where}
                ) s
                {keyset}
                ORDER BY {orderBy}
                LIMIT @limit
                """;
        return command;
    }

    /// <summary>
    /// DISTANCE order in two steps, so that the GiST index walks outwards from the point (KNN, <c>ORDER BY &lt;-&gt;</c>,
    /// the radius as its bounding box) instead of fetching the whole circle and sorting it. Step 1 takes the first
    /// rows in index order, which is by distance only; blurred points are shared by every listing of a ~1 km cell, so
    /// many rows tie, and the index returns ties in no particular order. Step 2 therefore re-reads the small disc up to
    /// the farthest distance of step 1 and orders it by (distance, id): a tie group straddling the page boundary comes
    /// back whole and in id order, which keeps keyset paging free of holes and duplicates.
    /// </summary>
    private static string NearestFirst(string where, string distance, bool hasCursor)
    {
        var key = $"(l.public_location <-> {Point})";
        var keyset = hasCursor ? $" AND ({key} > @after_key OR ({key} = @after_key AND l.id > @after_id))" : "";
        return $"""
            WITH nearest AS MATERIALIZED (
                SELECT {key} AS key FROM listings l
                WHERE {where}{keyset}
                ORDER BY {key}
                LIMIT @limit
            )
            SELECT l.id, {key} AS key, {distance} AS distance FROM listings l
            WHERE {where}{keyset}
              AND l.public_location && _ST_Expand({Point}, (SELECT max(key) FROM nearest) * 1.01 + 1)
              AND {key} <= (SELECT max(key) FROM nearest)
            ORDER BY 2, l.id
            LIMIT @limit
            """;
    }

    public async Task<ListingSearchFacets> FacetsAsync(ListingSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        await using var command = CreateFacetsCommand(criteria);
        var categories = new Dictionary<int, int>();
        var conditions = new Dictionary<ItemCondition, int>();
        var total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var category = reader.GetInt32(0);
                var condition = Enum.Parse<ItemCondition>(reader.GetString(1));
                var count = reader.GetInt32(2);
                categories[category] = categories.GetValueOrDefault(category) + count;
                conditions[condition] = conditions.GetValueOrDefault(condition) + count;
                total += count;
            }
        }
        return new ListingSearchFacets(
            total,
            categories.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => (c.Key, c.Value)).ToList(),
            conditions.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => (c.Key, c.Value)).ToList());
    }

    /// <summary>
    /// Which of <paramref name="candidates"/> find the listing <paramref name="listingId"/>: each is
    /// <see cref="Where"/> (the very filter of <see cref="PageAsync"/>) restricted to that one row, so a saved
    /// search matches exactly what the same search would list. One round trip for all candidates (a batch of
    /// single-row lookups by primary key).
    /// </summary>
    public async Task<IReadOnlyList<TKey>> MatchingAsync<TKey>(
        Guid listingId, IReadOnlyList<(TKey Key, ListingSearchCriteria Criteria)> candidates, CancellationToken cancellationToken = default)
    {
        if (candidates.Count == 0) return [];
        await using var batch = dataSource.CreateBatch();
        foreach (var (_, criteria) in candidates)
        {
            await using var scratch = new NpgsqlCommand();
            var where = Where(criteria, scratch);
            var check = new NpgsqlBatchCommand($"SELECT EXISTS (SELECT 1 FROM listings l WHERE l.id = @match_listing_id AND {where})");
            foreach (NpgsqlParameter parameter in scratch.Parameters) check.Parameters.Add(parameter.Clone());
            check.Parameters.Add(new NpgsqlParameter("match_listing_id", NpgsqlDbType.Uuid) { Value = listingId });
            batch.BatchCommands.Add(check);
        }
        var matching = new List<TKey>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var index = 0;
        do
        {
            if (await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0)) matching.Add(candidates[index].Key);
            index++;
        }
        while (await reader.NextResultAsync(cancellationToken));
        return matching;
    }

    /// <summary>
    /// Matching listings (all pages) per item type, largest first, then by key. Listings without an item type are not
    /// counted, so the counts sum to the total minus those. One GROUP BY over the same filters, through the
    /// listings.item_type_id index when the item type filter is set. With <paramref name="limit"/>, only that many
    /// largest come back: PostgreSQL still counts every group but keeps the top ones in a bounded heap instead of
    /// sorting them all, and nothing else is read or sent (a broad search has some 265 item types; a page shows 12).
    /// </summary>
    public async Task<IReadOnlyList<(int ItemTypeId, int Count)>> ItemTypeFacetsAsync(
        ListingSearchCriteria criteria, int? limit = null, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand();
        var where = Where(criteria, command);
        command.CommandText = $"SELECT l.item_type_id, count(*)::int FROM listings l WHERE {where} AND l.item_type_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1";
        if (limit is { } top)
        {
            command.CommandText += " LIMIT @limit";
            command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = top });
        }
        var facets = new List<(int, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            facets.Add((reader.GetInt32(0), reader.GetInt32(1)));
        return facets;
    }

    /// <summary>
    /// The statement behind <see cref="FacetsAsync"/>: one row per (subcategory, condition) pair with its count. Public so
    /// that the benchmark runs exactly the SQL the server runs.
    /// </summary>
    public NpgsqlCommand CreateFacetsCommand(ListingSearchCriteria criteria)
    {
        var command = dataSource.CreateCommand();
        if (criteria.Near is null)
        {
            command.CommandText = $"SELECT l.category_id, l.condition, count(*)::int FROM listings l WHERE {Where(criteria, command)} GROUP BY 1, 2";
            return command;
        }
        // Around a point, the exact (spheroid) distance test runs outside a fenced subquery (OFFSET 0) that keeps the
        // rest, bounding box included. Inside it, the planner no longer charges the costly test to every candidate row
        // and takes an index-only scan of ix_listings_active_category_condition, whose rows carry the point: around
        // Paris, Sport within 30 km counted 2,200 listings from ~100 index pages instead of ~1,000 heap pages (52 → 6 ms).
        var where = Where(criteria, command, exactDistance: false);
        command.CommandText = $"""
            SELECT s.category_id, s.condition, count(*)::int FROM (
                SELECT l.category_id, l.condition, l.public_location FROM listings l WHERE {where} OFFSET 0
            ) s
            WHERE _ST_DWithin(s.public_location, {Point}, @radius, true)
            GROUP BY 1, 2
            """;
        return command;
    }

    /// <summary>The given category ids with their subcategories; ids that name no category are left out.</summary>
    public async Task<(IReadOnlyList<int> Expanded, IReadOnlyList<int> Unknown)> ExpandCategoriesAsync(
        IReadOnlyCollection<int> categoryIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id FROM categories WHERE id = ANY(@ids) OR parent_id = ANY(@ids)");
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = categoryIds.ToArray() });
        var found = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                found.Add(reader.GetInt32(0));
        return (found, categoryIds.Where(id => !found.Contains(id)).Distinct().ToList());
    }

    /// <summary>
    /// Decides typo tolerance once per search, so that every page and the facets agree: plain words get it only when
    /// exact full-text matching (with all the other filters) finds fewer than <see cref="TypoFallbackBelow"/> listings
    /// — « bycyclette » finds bicycles, while « vélo » does not also scan every title for near spellings of itself.
    /// </summary>
    public async Task<ListingSearchCriteria> ResolveTypoToleranceAsync(ListingSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        if (!criteria.HasText || criteria.TypoTolerant is not null) return criteria;
        if (!IsPlainWords(criteria.Text!.Trim())) return criteria with { TypoTolerant = false };
        await using var command = CreateExactMatchCountCommand(criteria);
        var exact = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return criteria with { TypoTolerant = exact < TypoFallbackBelow };
    }

    /// <summary>
    /// The statement behind <see cref="ResolveTypoToleranceAsync"/>: how many listings (capped at
    /// <see cref="TypoFallbackBelow"/>) the search finds without typo tolerance.
    /// </summary>
    public NpgsqlCommand CreateExactMatchCountCommand(ListingSearchCriteria criteria)
    {
        var command = dataSource.CreateCommand();
        var where = Where(criteria with { TypoTolerant = false }, command);
        command.Parameters.Add(new NpgsqlParameter("cap", NpgsqlDbType.Integer) { Value = TypoFallbackBelow });
        command.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM listings l WHERE {where} LIMIT @cap) exact";
        return command;
    }

    /// <summary>RELEVANCE without text means nothing to rank by: such a search is ordered by NEWEST.</summary>
    public static ListingSearchOrder EffectiveOrder(ListingSearchCriteria criteria) =>
        criteria.Order == ListingSearchOrder.Relevance && !criteria.HasText ? ListingSearchOrder.Newest : criteria.Order;

    /// <summary>
    /// Kilometres to one decimal, and never under the blur: two blurred points in the same or neighbouring cells
    /// say nothing closer than about a kilometre.
    /// </summary>
    public static double RoundKm(double metres) => Math.Max(LocationBlur.CellKm, Math.Round(metres / 1000, 1));

    /// <summary>
    /// The filter of a search over listings <c>l</c>, its parameters added to <paramref name="command"/>. Without
    /// <paramref name="exactDistance"/>, a radius keeps only its bounding box and the caller applies
    /// <c>_ST_DWithin(…, @radius, true)</c> itself.
    /// </summary>
    private static string Where(ListingSearchCriteria criteria, NpgsqlCommand command, bool exactDistance = true)
    {
        var where = new StringBuilder("l.status = 'Active'");
        if (criteria.HasText)
        {
            var text = criteria.Text!.Trim();
            command.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = text });
            where.Append(" AND ").Append(criteria.TypoTolerant ?? IsPlainWords(text) ? TypoTolerantTextMatch : ExactTextMatch);
        }
        if (criteria.Near is { } near)
        {
            command.Parameters.Add(new NpgsqlParameter("lat", NpgsqlDbType.Double) { Value = near.Latitude });
            command.Parameters.Add(new NpgsqlParameter("lon", NpgsqlDbType.Double) { Value = near.Longitude });
            command.Parameters.Add(new NpgsqlParameter("radius", NpgsqlDbType.Double) { Value = criteria.RadiusKm * 1000 });
            // ST_DWithin spelled out as what it expands to (bounding box && for the GiST index, then the exact spheroid
            // test): with ST_DWithin itself the planner counts the radius twice, estimates ~1 row, and never picks the
            // KNN index scan for DISTANCE order.
            where.Append($" AND l.public_location && _ST_Expand({Point}, @radius)");
            if (exactDistance) where.Append($" AND _ST_DWithin(l.public_location, {Point}, @radius, true)");
        }
        if (criteria.CategoryIds is { } categories)
        {
            command.Parameters.Add(new NpgsqlParameter("categories", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = categories.ToArray() });
            where.Append(" AND l.category_id = ANY(@categories)");
        }
        if (criteria.Conditions is { Count: > 0 } conditions)
        {
            command.Parameters.Add(new NpgsqlParameter("conditions", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = conditions.Select(c => c.ToString()).Distinct().ToArray(),
            });
            where.Append(" AND l.condition = ANY(@conditions)");
        }
        if (criteria.ItemTypeIds is { } itemTypes)
        {
            command.Parameters.Add(new NpgsqlParameter("item_types", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = itemTypes.ToArray() });
            where.Append(" AND l.item_type_id = ANY(@item_types)");
        }
        if (criteria.ExcludeOwnerId is { } owner)
        {
            command.Parameters.Add(new NpgsqlParameter("owner", NpgsqlDbType.Uuid) { Value = owner });
            where.Append(" AND l.owner_id <> @owner");
        }
        if (criteria.ViewerId is { } viewer)
        {
            command.Parameters.Add(new NpgsqlParameter("viewer", NpgsqlDbType.Uuid) { Value = viewer });
            where.Append(" AND NOT EXISTS (SELECT 1 FROM user_blocks b WHERE (b.blocker_id = @viewer AND b.blocked_id = l.owner_id)" +
                " OR (b.blocker_id = l.owner_id AND b.blocked_id = @viewer))");
        }
        if (criteria.PostedAfter is { } postedAfter)
        {
            command.Parameters.Add(new NpgsqlParameter("posted_after", NpgsqlDbType.TimestampTz) { Value = postedAfter });
            where.Append(" AND l.created_at > @posted_after");
        }
        return where.ToString();
    }

    /// <summary>
    /// Typo tolerance only for plain words: with quotes, `-exclusions` or `or`, a fuzzy title match would bring back
    /// what the operators leave out.
    /// </summary>
    private static bool IsPlainWords(string text) =>
        !text.Contains('"') &&
        !text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word.StartsWith('-') || word.Equals("or", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// An opaque keyset position: the order it belongs to, the sort key of the last edge (rank or distance, or the
/// creation time in ticks for NEWEST) and its id as the tie-breaker.
/// </summary>
internal sealed record SearchCursor(ListingSearchOrder Order, double Key, long Ticks, Guid Id)
{
    public string Encode()
    {
        var text = Order switch
        {
            ListingSearchOrder.Newest => $"s1|N|{Ticks.ToString(CultureInfo.InvariantCulture)}|{Id:N}",
            ListingSearchOrder.Distance => $"s1|D|{Key.ToString("R", CultureInfo.InvariantCulture)}|{Id:N}",
            _ => $"s1|R|{Key.ToString("R", CultureInfo.InvariantCulture)}|{Id:N}",
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    public static SearchCursor Decode(string cursor, ListingSearchOrder expected)
    {
        string text;
        try { text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)); }
        catch (FormatException) { throw new InvalidSearchCursorException(); }
        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != "s1" || !Guid.TryParseExact(parts[3], "N", out var id))
            throw new InvalidSearchCursorException();
        var order = parts[1] switch
        {
            "N" => ListingSearchOrder.Newest,
            "D" => ListingSearchOrder.Distance,
            "R" => ListingSearchOrder.Relevance,
            _ => throw new InvalidSearchCursorException(),
        };
        if (order != expected) throw new InvalidSearchCursorException();
        if (order == ListingSearchOrder.Newest)
            return long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
                ? new SearchCursor(order, 0, ticks, id)
                : throw new InvalidSearchCursorException();
        return double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var key) && double.IsFinite(key)
            ? new SearchCursor(order, key, 0, id)
            : throw new InvalidSearchCursorException();
    }
}
