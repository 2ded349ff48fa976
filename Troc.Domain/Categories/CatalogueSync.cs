using Microsoft.EntityFrameworkCore;
using Troc.Domain.Catalogue;
using Troc.Domain.Persistence;

namespace Troc.Domain.Categories;

/// <summary>
/// Brings the categories table in line with categories.json (inserts new nodes, updates wording and order), then the
/// item_types table in line with the item catalogue (<see cref="ItemTypeSync"/>).
/// </summary>
public static class CatalogueSync
{
    public static async Task<int> SyncAsync(TrocDbContext db, CancellationToken cancellationToken = default)
    {
        var changes = await SyncCategoriesAsync(db, cancellationToken);
        var itemTypes = await ItemTypeSync.SyncAsync(db, ItemCatalogue.Default, cancellationToken);
        return changes + itemTypes.Added + itemTypes.Updated + itemTypes.Retired;
    }

    /// <summary>The categories alone.</summary>
    public static async Task<int> SyncCategoriesAsync(TrocDbContext db, CancellationToken cancellationToken = default)
    {
        var wanted = CatalogueFile.Flatten(CatalogueFile.Load()).ToList();
        var existing = await db.Categories.ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var category in wanted)
        {
            if (existing.TryGetValue(category.Id, out var current))
                current.Update(category.Label, category.ParentId, category.Position);
            else
                db.Categories.Add(category);
        }
        // Nodes are never deleted here: listings may point at them. Retiring one is a migration.
        return await db.SaveChangesAsync(cancellationToken);
    }
}
