using Npgsql;

namespace Troc.Domain.Media;

/// <summary>What a sweep saw and did.</summary>
public sealed record MediaSweepResult(int Scanned, int Referenced, int TooRecent, int Deleted);

/// <summary>
/// Deletes stored renditions that no listing refers to any more: left behind when a delete failed half-way, a
/// process died between storing photos and committing the listing, or a rollback's clean-up failed. Objects younger
/// than <see cref="GracePeriod"/> are never touched, so an upload whose listing is still being saved is safe.
/// Every table that keeps images must be part of <see cref="ReferencedIdsSql"/>.
/// </summary>
public sealed class OrphanedMediaSweeper(IImageStore store, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan GracePeriod = TimeSpan.FromHours(24);

    /// <summary>The image ids (the 32 hex characters that start every rendition's name) still in use.</summary>
    private const string ReferencedIdsSql = "SELECT image->>'Id' FROM listing_images";

    public async Task<MediaSweepResult> SweepAsync(bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(ReferencedIdsSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                if (!reader.IsDBNull(0)) referenced.Add(reader.GetString(0));

        var cutoff = clock.GetUtcNow().UtcDateTime - GracePeriod;
        int scanned = 0, kept = 0, recent = 0, deleted = 0;
        await foreach (var stored in store.ListAsync(cancellationToken))
        {
            scanned++;
            if (referenced.Contains(stored.Name[..32])) kept++;
            else if (stored.LastModifiedUtc > cutoff) recent++;
            else
            {
                if (!dryRun) await store.DeleteAsync(stored.Name, cancellationToken);
                deleted++;
            }
        }
        return new MediaSweepResult(scanned, kept, recent, deleted);
    }
}
