using Microsoft.EntityFrameworkCore;
using Troc.Domain.Persistence;
using Troc.Domain.SavedSearches;
using Troc.Graph.DataLoading;

namespace Troc.Graph.SavedSearches;

public sealed class SavedSearchById(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<Guid, SavedSearch>
{
    protected override async Task<IReadOnlyDictionary<Guid, SavedSearch>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedSearches.AsNoTracking().Where(s => keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
    }
}

public sealed class UnreadMatchCountBySavedSearchId(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<Guid, int>
{
    protected override async Task<IReadOnlyDictionary<Guid, int>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = db.SavedSearchAlerts.AsNoTracking().Where(a => keys.Contains(a.SavedSearchId) && a.ReadAt == null);
        return await SavedSearchService.WhereStillVisible(unread, db)
            .GroupBy(a => a.SavedSearchId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}
