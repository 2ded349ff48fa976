using Npgsql;
using NpgsqlTypes;
using Troc.Domain.Search;

namespace Troc.Domain.SavedSearches;

/// <summary>An alert just raised: what the worker publishes once its transaction committed.</summary>
public sealed record RaisedAlert(long AlertId, Guid SavedSearchId, Guid OwnerId, Guid ListingId, DateTime CreatedAt);

/// <summary>What one pass over the outbox did.</summary>
public sealed record AlertBatch(int Jobs, IReadOnlyList<RaisedAlert> Alerts, IReadOnlyList<(long JobId, Exception Error)> Failures);

/// <summary>
/// Turns outbox jobs (one per listing that became active, written by the <c>listings_saved_search_job</c> trigger in
/// the same transaction) into alerts. Raw Npgsql on purpose: this runs in the background of every replica and must
/// not share EF's per-request plumbing (statement counters, interceptors).
/// </summary>
/// <remarks>
/// Matching, per batch of jobs: one SQL statement keeps, for each listing, the saved searches that alert (notify on), belong to someone other than the
/// listing's owner, have not alerted for this listing yet and whose categories (already expanded, in the jsonb
/// criteria) hold the listing's; then <see cref="ListingSearch.MatchingAsync{TKey}"/> runs each remaining search's
/// own filter on that one listing, in one batch. The category prefilter only narrows on what the filter checks
/// anyway, so matching is exactly search. Radius and text are left to the per-search check: with at most 20
/// searches per member, the candidates for one listing stay few; a GiST index on a stored search circle is the next
/// step if that changes.
/// </remarks>
public sealed class SavedSearchAlerts(NpgsqlDataSource dataSource, ListingSearch search, TimeProvider clock)
{
    /// <summary>The channel the trigger NOTIFYs when it enqueues a job (delivered on commit only).</summary>
    public const string Channel = "saved_search_jobs";

    public const int MaxAttempts = 5;

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> pending jobs (FOR UPDATE SKIP LOCKED: replicas share the work, never
    /// a job), raises their alerts and marks them processed, all in one transaction. A job that fails is retried
    /// later (after <see cref="MaxAttempts"/> it is set aside with its error); the others still go through.
    /// </summary>
    public async Task<AlertBatch> ProcessPendingAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var jobs = new List<(long Id, Guid ListingId, int Attempts)>();
        await using (var claim = new NpgsqlCommand("""
            SELECT id, listing_id, attempts FROM saved_search_jobs
            WHERE processed_at IS NULL AND available_at <= now()
            ORDER BY id
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        {
            claim.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = batchSize });
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                jobs.Add((reader.GetInt64(0), reader.GetGuid(1), reader.GetInt32(2)));
        }
        if (jobs.Count == 0) return new AlertBatch(0, [], []);

        var candidates = await CandidatesAsync(connection, transaction, jobs.Select(j => j.ListingId).Distinct().ToArray(), cancellationToken);
        var alerts = new List<RaisedAlert>();
        var failures = new List<(long, Exception)>();
        var done = new List<long>();
        foreach (var job in jobs)
        {
            if (!candidates.TryGetValue(job.ListingId, out var forListing))
            {
                done.Add(job.Id);
                continue;
            }
            await transaction.SaveAsync("job", cancellationToken);
            try
            {
                alerts.AddRange(await RaiseAsync(connection, transaction, job.ListingId, forListing, cancellationToken));
                await transaction.ReleaseAsync("job", cancellationToken);
                done.Add(job.Id);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await transaction.RollbackAsync("job", cancellationToken);
                failures.Add((job.Id, error));
                await using var fail = new NpgsqlCommand("""
                    UPDATE saved_search_jobs
                    SET attempts = attempts + 1, last_error = left(@error, 2000),
                        available_at = now() + make_interval(secs => 10 * (attempts + 1)),
                        processed_at = CASE WHEN attempts + 1 >= @max_attempts THEN now() END
                    WHERE id = @id
                    """, connection, transaction);
                fail.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = error.ToString() });
                fail.Parameters.Add(new NpgsqlParameter("max_attempts", NpgsqlDbType.Integer) { Value = MaxAttempts });
                fail.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Bigint) { Value = job.Id });
                await fail.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (alerts.Count > 0)
        {
            await using var touch = new NpgsqlCommand(
                "UPDATE saved_searches SET last_matched_at = @now WHERE id = ANY(@ids)", connection, transaction);
            touch.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow().UtcDateTime });
            touch.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = alerts.Select(a => a.SavedSearchId).Distinct().ToArray() });
            await touch.ExecuteNonQueryAsync(cancellationToken);
        }
        if (done.Count > 0)
        {
            await using var processed = new NpgsqlCommand(
                "UPDATE saved_search_jobs SET processed_at = now(), attempts = attempts + 1 WHERE id = ANY(@ids)", connection, transaction);
            processed.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = done.ToArray() });
            await processed.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new AlertBatch(jobs.Count, alerts, failures);
    }

    /// <summary>Processed jobs older than <paramref name="age"/> are only history: drops them.</summary>
    public async Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM saved_search_jobs WHERE processed_at < @before");
        command.Parameters.Add(new NpgsqlParameter("before", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow().UtcDateTime - age });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// For a batch of listings, in one statement: the saved searches that may alert for each (see the class remarks).
    /// Listings no longer active, or that no search may match, are absent.
    /// </summary>
    private static async Task<Dictionary<Guid, List<((Guid Id, Guid OwnerId) Key, ListingSearchCriteria Criteria)>>> CandidatesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] listingIds, CancellationToken cancellationToken)
    {
        var candidates = new Dictionary<Guid, List<((Guid, Guid), ListingSearchCriteria)>>();
        await using var prefilter = new NpgsqlCommand("""
            SELECT l.id, s.id, s.owner_id, s.definition::text
            FROM listings l
            JOIN saved_searches s ON s.notify AND s.owner_id <> l.owner_id
            WHERE l.id = ANY(@listing_ids) AND l.status = 'Active'
              AND (coalesce(jsonb_typeof(s.definition -> 'criteria' -> 'categoryIds'), 'null') <> 'array'
                   OR s.definition -> 'criteria' -> 'categoryIds' @> to_jsonb(l.category_id))
              AND NOT EXISTS (SELECT 1 FROM saved_search_alerts a WHERE a.saved_search_id = s.id AND a.listing_id = l.id)
            """, connection, transaction);
        prefilter.Parameters.Add(new NpgsqlParameter("listing_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = listingIds });
        await using var reader = await prefilter.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // A definition this version cannot read (written by a newer one during a rolling deploy) is skipped,
            // not allowed to hold up the alerts of every other search.
            if (TryRead(reader.GetString(3)) is not { } definition) continue;
            var listingId = reader.GetGuid(0);
            if (!candidates.TryGetValue(listingId, out var list)) candidates[listingId] = list = [];
            var ownerId = reader.GetGuid(2);
            // The owner is the viewer: no alert for listings across a block, whenever the search was saved.
            list.Add(((reader.GetGuid(1), ownerId), definition.Criteria with { ViewerId = ownerId }));
        }
        return candidates;
    }

    private static SavedSearchDefinition? TryRead(string json)
    {
        try
        {
            return SavedSearchDefinition.FromJson(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Runs each candidate's own filter on the listing and stores an alert for each that finds it (never twice).</summary>
    private async Task<IReadOnlyList<RaisedAlert>> RaiseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid listingId,
        List<((Guid Id, Guid OwnerId) Key, ListingSearchCriteria Criteria)> candidates, CancellationToken cancellationToken)
    {
        // Checked on the pool's connections, outside this transaction: they only read committed listings.
        var matching = new List<(Guid Id, Guid OwnerId)>();
        foreach (var chunk in candidates.Chunk(200))
            matching.AddRange(await search.MatchingAsync(listingId, chunk, cancellationToken));
        if (matching.Count == 0) return [];

        var raised = new List<RaisedAlert>();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO saved_search_alerts (saved_search_id, owner_id, listing_id, created_at)
            SELECT m.id, m.owner_id, @listing_id, @now FROM unnest(@ids, @owners) AS m(id, owner_id)
            ON CONFLICT (saved_search_id, listing_id) DO NOTHING
            RETURNING id, saved_search_id, owner_id, created_at
            """, connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter("listing_id", NpgsqlDbType.Uuid) { Value = listingId });
        insert.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow().UtcDateTime });
        insert.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = matching.Select(m => m.Id).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter("owners", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = matching.Select(m => m.OwnerId).ToArray() });
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            raised.Add(new RaisedAlert(reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), listingId, reader.GetFieldValue<DateTime>(3)));
        return raised;
    }
}
