using Microsoft.EntityFrameworkCore;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;

namespace Troc.Domain.SavedSearches;

/// <summary>The outcome of a saved-search command: the search when it worked, else every rule it broke.</summary>
public sealed record SavedSearchResult(SavedSearch? SavedSearch, IReadOnlyList<Violation> Violations)
{
    public static SavedSearchResult Failed(params Violation[] violations) => new(null, violations);
}

/// <summary>Keeping, changing and dropping a member's saved searches, and reading their alerts.</summary>
public sealed class SavedSearchService(IDbContextFactory<TrocDbContext> dbFactory, TimeProvider clock)
{
    public async Task<SavedSearchResult> SaveAsync(
        Guid ownerId, string name, SavedSearchDefinition definition, bool notify, CancellationToken cancellationToken)
    {
        if (SavedSearch.CheckName(name) is { } badName) return SavedSearchResult.Failed(badName);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The owner's row serialises their saves: two at once cannot both see room for one more.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM users WHERE id = {ownerId} FOR UPDATE", cancellationToken);
        var count = await db.SavedSearches.CountAsync(s => s.OwnerId == ownerId, cancellationToken);
        if (count >= SavedSearch.MaxPerOwner) return SavedSearchResult.Failed(SavedSearchViolations.TooMany);
        var search = SavedSearch.Create(ownerId, name, definition, notify, clock.GetUtcNow().UtcDateTime);
        db.SavedSearches.Add(search);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SavedSearchResult(search, []);
    }

    /// <summary>Renames a search and/or turns its alerts on or off; null keeps the current value.</summary>
    public async Task<SavedSearchResult> UpdateAsync(
        Guid ownerId, Guid savedSearchId, string? name, bool? notify, CancellationToken cancellationToken)
    {
        if (name is not null && SavedSearch.CheckName(name) is { } badName) return SavedSearchResult.Failed(badName);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var search = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == savedSearchId && s.OwnerId == ownerId, cancellationToken);
        if (search is null) return SavedSearchResult.Failed(SavedSearchViolations.NotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        if (name is not null) search.Rename(name, now);
        if (notify is { } on) search.SetNotify(on, now);
        await db.SaveChangesAsync(cancellationToken);
        return new SavedSearchResult(search, []);
    }

    /// <summary>Drops a search and its alerts; the result carries the search as it was.</summary>
    public async Task<SavedSearchResult> DeleteAsync(Guid ownerId, Guid savedSearchId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var search = await db.SavedSearches.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == savedSearchId && s.OwnerId == ownerId, cancellationToken);
        if (search is null) return SavedSearchResult.Failed(SavedSearchViolations.NotFound);
        // A double submit deletes nothing the second time and says "not found", as for any other missing search.
        var deleted = await db.SavedSearches.Where(s => s.Id == savedSearchId && s.OwnerId == ownerId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? SavedSearchResult.Failed(SavedSearchViolations.NotFound) : new SavedSearchResult(search, []);
    }

    /// <summary>
    /// Marks the member's unread alerts read: all of them, or those of one search, up to an alert id (the newest the
    /// member has seen, so that one arriving meanwhile stays unread). Returns how many are still unread in all.
    /// </summary>
    public async Task<(int Unread, IReadOnlyList<Violation> Violations)> MarkReadAsync(
        Guid ownerId, Guid? savedSearchId, long? upToAlertId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (savedSearchId is { } id && !await db.SavedSearches.AnyAsync(s => s.Id == id && s.OwnerId == ownerId, cancellationToken))
            return (0, [SavedSearchViolations.NotFound]);
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = db.SavedSearchAlerts.Where(a => a.OwnerId == ownerId && a.ReadAt == null);
        if (savedSearchId is { } searchId) unread = unread.Where(a => a.SavedSearchId == searchId);
        if (upToAlertId is { } upTo) unread = unread.Where(a => a.Id <= upTo);
        await unread.ExecuteUpdateAsync(set => set.SetProperty(a => a.ReadAt, now), cancellationToken);
        return (await CountUnreadAsync(db, ownerId, cancellationToken), []);
    }

    /// <summary>A member's unread alerts on listings they may still see (an archived listing's alerts no longer count).</summary>
    public static Task<int> CountUnreadAsync(TrocDbContext db, Guid ownerId, CancellationToken cancellationToken) =>
        VisibleAlerts(db, ownerId).CountAsync(a => a.ReadAt == null, cancellationToken);

    /// <summary>A member's alerts whose listing is still visible to them, in no particular order.</summary>
    public static IQueryable<SavedSearchAlert> VisibleAlerts(TrocDbContext db, Guid ownerId) =>
        WhereStillVisible(db.SavedSearchAlerts.AsNoTracking().Where(a => a.OwnerId == ownerId), db);

    /// <summary>
    /// Alerts whose listing its owner may still see: not archived since, and not of a member blocked (in either
    /// direction) since the alert was raised. Blocks are checked when alerts are read, not only when they are raised.
    /// </summary>
    public static IQueryable<SavedSearchAlert> WhereStillVisible(IQueryable<SavedSearchAlert> alerts, TrocDbContext db) =>
        alerts.Where(a => db.Listings.Any(l => l.Id == a.ListingId && l.Status != ListingStatus.Archived
            && !db.UserBlocks.Any(b => (b.BlockerId == a.OwnerId && b.BlockedId == l.OwnerId) || (b.BlockerId == l.OwnerId && b.BlockedId == a.OwnerId))));
}
