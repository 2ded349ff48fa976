using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Troc.Domain.Catalogue;
using Troc.Domain.Categories;
using Troc.Domain.Persistence;

namespace Troc.Domain.Listings;

/// <summary>What a reindex did: the item type sync, then how many listings and wants it read and changed.</summary>
public sealed record CatalogueReindexResult(ItemTypeSyncResult ItemTypes, int Listings, int ListingsChanged, int Wants, int WantsChanged)
{
    public override string ToString() =>
        $"item types: {ItemTypes}; listings: {Listings} read, {ListingsChanged} with a new item type; wants: {Wants} read, {WantsChanged} read differently";
}

/// <summary>
/// Re-reads every listing and want with the current catalogue (`./troc catalogue reindex`, and `migrate` when the
/// catalogue data changed): syncs the item_types table, then, in batches of <see cref="BatchSize"/> listings, lets the
/// resolver decide again every item type and want it decided. Owners' choices stay, except a choice of an item type
/// that left the catalogue (retired), which goes back to the resolver. Changes no <c>updated_at</c>: nothing the owner
/// wrote changed.
/// </summary>
public sealed class CatalogueReindex(IDbContextFactory<TrocDbContext> dbFactory, ListingUnderstanding understanding)
{
    public const int BatchSize = 200;

    /// <summary>The <see cref="ReferenceDataVersion"/> name under which the catalogue version last indexed is kept.</summary>
    public const string VersionName = "item-catalogue";

    public async Task<CatalogueReindexResult> RunAsync(Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ItemTypeSyncResult sync;
        Dictionary<string, ItemTypeKey> keys;
        Dictionary<int, ItemTypeKey> keysById;
        Dictionary<string, int> categoryIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await CatalogueSync.SyncCategoriesAsync(db, cancellationToken);
            sync = await ItemTypeSync.SyncAsync(db, understanding.Resolver.Catalogue, cancellationToken);
            keys = await ListingUnderstanding.ItemTypeKeysAsync(db, null, cancellationToken);
            keysById = keys.Values.ToDictionary(k => k.Id);
            categoryIds = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Id, StringComparer.Ordinal, cancellationToken);
        }
        progress?.Invoke($"item types: {sync}");

        bool IsRetired(int? itemTypeId) => itemTypeId is { } id && (!keysById.TryGetValue(id, out var key) || key.Retired);

        int listings = 0, listingsChanged = 0, wants = 0, wantsChanged = 0;
        List<Guid> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            ids = await db.Listings.AsNoTracking().OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Listings.Where(l => chunk.Contains(l.Id)).ToListAsync(cancellationToken);
            foreach (var listing in batch)
            {
                listings++;
                if (listing.ItemTypeSource == ItemTypeSource.Resolved || IsRetired(listing.ItemTypeId))
                {
                    var assignment = understanding.ResolveItemType(listing.Title, listing.Description, keys);
                    if (assignment.ItemTypeId != listing.ItemTypeId || assignment.Source != listing.ItemTypeSource
                        || assignment.Confidence != listing.ItemTypeConfidence)
                    {
                        listing.Understand(assignment, null);
                        listingsChanged++;
                    }
                }

                var read = new List<ListingWant>(listing.Wants.Count);
                var changed = 0;
                foreach (var want in listing.Wants)
                {
                    wants++;
                    if (want.ChosenByOwner && !want.ItemTypes.Any(t => IsRetired(t.ItemTypeId)))
                    {
                        read.Add(want);
                        continue;
                    }
                    var again = understanding.ResolveWant(want.Position, want.Text, keys, categoryIds);
                    if (again.SameAs(want)) read.Add(want);
                    else
                    {
                        read.Add(again);
                        changed++;
                    }
                }
                if (changed > 0) listing.Understand(null, read);
                wantsChanged += changed;
            }
            await db.SaveChangesAsync(cancellationToken);
            progress?.Invoke($"listings: {listings} read, {listingsChanged} with a new item type; wants: {wants} read, {wantsChanged} read differently");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await RecordVersionAsync(db, cancellationToken);
        }
        return new CatalogueReindexResult(sync, listings, listingsChanged, wants, wantsChanged);
    }

    /// <summary>Reindexes when the catalogue data differs from what the database was last indexed with; returns null when it was up to date.</summary>
    public async Task<CatalogueReindexResult?> RunIfCatalogueChangedAsync(Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var stored = await db.ReferenceDataVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Name == VersionName, cancellationToken);
            if (stored?.Version == CatalogueVersion()) return null;
        }
        return await RunAsync(progress, cancellationToken);
    }

    /// <summary>A hash of the embedded catalogue data and taxonomy: changes whenever either does.</summary>
    public static string CatalogueVersion()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, json) in ItemCatalogue.EmbeddedDataFiles())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(Encoding.UTF8.GetBytes(json));
        }
        using (var stream = typeof(CatalogueFile).Assembly.GetManifestResourceStream("Troc.Domain.Categories.categories.json")!)
        using (var reader = new StreamReader(stream))
            hash.AppendData(Encoding.UTF8.GetBytes(reader.ReadToEnd()));
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private async Task RecordVersionAsync(TrocDbContext db, CancellationToken cancellationToken)
    {
        // Only the embedded catalogue has a version worth recording; a test's custom catalogue leaves it alone.
        if (!ReferenceEquals(understanding.Resolver.Catalogue, ItemCatalogue.Default)) return;
        var version = CatalogueVersion();
        // An upsert: replicas migrating at once both reindex (the result is the same) and both record the version.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO reference_data_versions (name, version, loaded_at) VALUES ({VersionName}, {version}, {DateTimeOffset.UtcNow})
            ON CONFLICT (name) DO UPDATE SET version = excluded.version, loaded_at = excluded.loaded_at
            """, cancellationToken);
    }
}
