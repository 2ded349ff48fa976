using Microsoft.EntityFrameworkCore;
using Troc.Domain.Catalogue;
using Troc.Domain.Persistence;
using Troc.Graph.DataLoading;

namespace Troc.Graph.Catalogue;

/// <summary>Item types by key, retired ones included (listings and wants may still point at them).</summary>
public sealed class ItemTypeById(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<int, StoredItemType>
{
    protected override async Task<IReadOnlyDictionary<int, StoredItemType>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ItemTypes.AsNoTracking().Where(t => keys.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
    }
}

/// <summary>Item types by slug (the key of their global id), retired ones included.</summary>
public sealed class ItemTypeBySlug(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<string, StoredItemType>
{
    protected override async Task<IReadOnlyDictionary<string, StoredItemType>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ItemTypes.AsNoTracking().Where(t => keys.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, cancellationToken);
    }
}

/// <summary>The current (not retired) item types of subcategories, in display order.</summary>
public sealed class ItemTypesByCategoryId(IDbContextFactory<TrocDbContext> dbFactory) : GroupedBatchLoader<int, StoredItemType>
{
    protected override async Task<IReadOnlyDictionary<int, StoredItemType[]>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var itemTypes = await db.ItemTypes.AsNoTracking()
            .Where(t => keys.Contains(t.CategoryId) && !t.Retired)
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return Group(itemTypes, t => t.CategoryId);
    }
}
