using Microsoft.EntityFrameworkCore;
using Troc.Domain.Persistence;

namespace Troc.Domain.Catalogue;

/// <summary>What <see cref="ItemTypeSync.SyncAsync"/> changed.</summary>
public sealed record ItemTypeSyncResult(int Added, int Updated, int Retired)
{
    public override string ToString() => $"{Added} added, {Updated} updated, {Retired} retired";
}

/// <summary>
/// Brings the item_types table in line with the item catalogue, by slug: inserts new types, updates labels, subcategory
/// and order, and marks types that left the catalogue as retired (never deletes them: see <see cref="StoredItemType"/>).
/// Runs after the categories are synced, since item types hang under subcategories.
/// </summary>
public static class ItemTypeSync
{
    public static async Task<ItemTypeSyncResult> SyncAsync(TrocDbContext db, ItemCatalogue catalogue, CancellationToken cancellationToken = default)
    {
        var categoryIds = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Id, cancellationToken);
        var existing = await db.ItemTypes.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, cancellationToken);
        int added = 0, updated = 0, retired = 0;
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in catalogue.ItemTypes)
        {
            if (!categoryIds.TryGetValue(type.SubcategorySlug, out var categoryId)) continue;
            var position = positions[type.SubcategorySlug] = positions.GetValueOrDefault(type.SubcategorySlug, -1) + 1;
            current.Add(type.Slug);
            if (existing.TryGetValue(type.Slug, out var stored))
            {
                if (stored.Update(type.Label, categoryId, position)) updated++;
            }
            else
            {
                db.ItemTypes.Add(new StoredItemType(type.Slug, type.Label, categoryId, position));
                added++;
            }
        }
        foreach (var stored in existing.Values)
            if (!current.Contains(stored.Slug) && stored.Retire()) retired++;
        await db.SaveChangesAsync(cancellationToken);
        return new ItemTypeSyncResult(added, updated, retired);
    }
}
