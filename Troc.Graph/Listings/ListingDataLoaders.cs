using Microsoft.EntityFrameworkCore;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;
using Troc.Graph.DataLoading;

namespace Troc.Graph.Listings;

/// <summary>Listings by id, with their wants; visibility is the caller's check (<see cref="ListingService.IsVisibleTo"/>).</summary>
public sealed class ListingById(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<Guid, Listing>
{
    protected override async Task<IReadOnlyDictionary<Guid, Listing>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoaderQueries.ListingsByIds(db, keys).ToDictionaryAsync(l => l.Id, cancellationToken);
    }
}

public sealed class FavoriteCountByListingId(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<Guid, int>
{
    protected override async Task<IReadOnlyDictionary<Guid, int>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ListingFavorites.Where(f => keys.Contains(f.ListingId))
            .GroupBy(f => f.ListingId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}

/// <summary>Whether a member favourited a listing, keyed by (member, listing) so one request can ask for any viewer.</summary>
public sealed class FavoriteByUserAndListing(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<(Guid UserId, Guid ListingId), bool>
{
    protected override async Task<IReadOnlyDictionary<(Guid UserId, Guid ListingId), bool>> FetchAsync(
        IReadOnlyList<(Guid UserId, Guid ListingId)> keys, CancellationToken cancellationToken)
    {
        // A request has one viewer, so this is one statement in practice.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = new Dictionary<(Guid, Guid), bool>();
        foreach (var group in keys.GroupBy(k => k.UserId))
        {
            var listingIds = group.Select(k => k.ListingId).ToList();
            var favorites = await db.ListingFavorites.AsNoTracking()
                .Where(f => f.UserId == group.Key && listingIds.Contains(f.ListingId))
                .Select(f => f.ListingId)
                .ToListAsync(cancellationToken);
            foreach (var listingId in favorites) found[(group.Key, listingId)] = true;
        }
        return found;
    }
}
