using Microsoft.EntityFrameworkCore;
using Troc.Domain.Common;
using Troc.Domain.Media;
using Troc.Domain.Persistence;

namespace Troc.Domain.Listings;

/// <summary>The outcome of a listing command: the listing when it worked, else every rule it broke.</summary>
public sealed record ListingResult(Listing? Listing, IReadOnlyList<Violation> Violations)
{
    public static ListingResult Failed(params Violation[] violations) => new(null, violations);
}

/// <summary>
/// What an owner changes with updateListing: null fields keep their current value. <see cref="ItemType"/> null keeps
/// the owner's choice, or lets the resolver read the title again when it changed; <see cref="WantChoices"/> go with
/// <see cref="Wants"/>, by index.
/// </summary>
public sealed record ListingChanges(
    string? Title = null,
    string? Description = null,
    int? CategoryId = null,
    ItemCondition? Condition = null,
    IReadOnlyList<string>? Wants = null,
    IReadOnlyList<int>? WantedCategoryIds = null,
    bool? OpenToAnyOffer = null,
    GeoPoint? Location = null,
    string? PlaceName = null,
    ItemTypeChoice? ItemType = null,
    IReadOnlyList<WantChoice?>? WantChoices = null);

/// <summary>Creating, changing and withdrawing listings, with the checks that need the database.</summary>
public sealed class ListingService(IDbContextFactory<TrocDbContext> dbFactory, TimeProvider clock, ListingUnderstanding understanding)
{
    /// <summary>
    /// Every check of <see cref="CreateAsync"/> (field rules, categories, item type and want choices, the active-listing
    /// limit) without creating anything, so that a refused listing is answered before any photo is processed or stored.
    /// </summary>
    public async Task<IReadOnlyList<Violation>> CheckCreateAsync(Guid ownerId, ListingDraft draft, CancellationToken cancellationToken,
        ItemTypeChoice? itemType = null, IReadOnlyList<WantChoice?>? wantChoices = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await CheckCreateAsync(db, ownerId, draft, itemType, wantChoices, cancellationToken)).Violations;
    }

    /// <summary>
    /// Publishes a listing, with photos already in the image store (the caller deletes them if the listing is refused).
    /// Its item type and wants are read by the resolver, except where the owner chose (<paramref name="itemType"/>,
    /// <paramref name="wantChoices"/> aligned with the draft's wants).
    /// </summary>
    public async Task<ListingResult> CreateAsync(Guid ownerId, ListingDraft draft, CancellationToken cancellationToken,
        IReadOnlyList<StoredImage>? images = null, ItemTypeChoice? itemType = null, IReadOnlyList<WantChoice?>? wantChoices = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (violations, reading) = await CheckCreateAsync(db, ownerId, draft, itemType, wantChoices, cancellationToken);
        if (violations.Count > 0) return new ListingResult(null, violations);

        if (images?.Count > ListingRules.MaxImages) return ListingResult.Failed(ListingViolations.TooManyImages);

        var listing = Listing.Create(ownerId, draft, clock.GetUtcNow().UtcDateTime, images);
        listing.Understand(reading.ItemType, reading.Wants);
        db.Listings.Add(listing);
        await db.SaveChangesAsync(cancellationToken);
        return new ListingResult(listing, []);
    }

    public Task<ListingResult> UpdateAsync(Guid userId, Guid listingId, ListingChanges changes, CancellationToken cancellationToken) =>
        ChangeAsync(userId, listingId, async (db, listing, now) =>
        {
            var current = listing;
            var draft = new ListingDraft(
                changes.Title ?? current.Title,
                changes.Description ?? current.Description,
                changes.CategoryId ?? current.CategoryId,
                changes.Condition ?? current.Condition,
                changes.Wants ?? current.Wants.Select(w => w.Text).ToList(),
                changes.WantedCategoryIds ?? current.WantedCategoryIds,
                changes.OpenToAnyOffer ?? current.OpenToAnyOffer,
                changes.Location ?? current.ExactPoint,
                changes.PlaceName ?? current.PlaceName);
            var violations = ListingRules.Check(draft);
            violations.AddRange(await CheckCategoriesAsync(db, draft, cancellationToken));
            // The resolver reads the title again when it (or the description) changed, unless the owner chose the type.
            var textChanged = draft.Title.Trim() != current.Title || draft.Description.Trim() != current.Description;
            var reading = await understanding.ReadAsync(db, draft.Title.Trim(), draft.Description.Trim(), changes.ItemType,
                reread: textChanged && current.ItemTypeSource == ItemTypeSource.Resolved,
                changes.Wants, changes.WantChoices, cancellationToken);
            violations.AddRange(reading.Violations);
            if (violations.Count > 0) return violations;
            listing.Update(draft, now);
            listing.Understand(reading.ItemType, reading.Wants);
            return violations;
        }, cancellationToken);

    public Task<ListingResult> ArchiveAsync(Guid userId, Guid listingId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, listingId, (_, listing, now) => Refuse(() => listing.Archive(now)), cancellationToken);

    public Task<ListingResult> ReactivateAsync(Guid userId, Guid listingId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, listingId, async (db, listing, now) =>
        {
            var active = await db.Listings.CountAsync(l => l.OwnerId == userId && l.Status == ListingStatus.Active, cancellationToken);
            if (active >= ListingRules.MaxActiveListingsPerOwner) return [ListingViolations.ActiveListingLimitToReactivate];
            return await Refuse(() => listing.Reactivate(now));
        }, cancellationToken);

    /// <summary>
    /// Whether <paramref name="userId"/> may add <paramref name="count"/> photos to the listing: asked before any upload
    /// is processed, so that a refused request stores nothing. <see cref="AddImagesAsync"/> checks again.
    /// </summary>
    public async Task<List<Violation>> CheckCanAddImagesAsync(Guid userId, Guid listingId, int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        if (listing is null || !IsVisibleTo(listing, userId)) return [ListingViolations.NotFound];
        if (!listing.IsOwnedBy(userId)) return [ListingViolations.NotOwner];
        if (listing.Images.Count + count > ListingRules.MaxImages) return [ListingViolations.TooManyImages];
        return [];
    }

    /// <summary>Appends stored photos to the owner's listing; the caller deletes them from the store if this fails.</summary>
    public Task<ListingResult> AddImagesAsync(Guid userId, Guid listingId, IReadOnlyList<StoredImage> images, CancellationToken cancellationToken) =>
        ChangeAsync(userId, listingId, (_, listing, now) => Refuse(() => listing.AddImages(images, now)), cancellationToken, lockListing: true);

    /// <summary>Drops one photo of the owner's listing; the result carries it, for its files to be deleted.</summary>
    public async Task<(ListingResult Result, StoredImage? Removed)> RemoveImageAsync(Guid userId, Guid listingId, Guid imageId, CancellationToken cancellationToken)
    {
        StoredImage? removed = null;
        var result = await ChangeAsync(userId, listingId,
            (_, listing, now) => Refuse(() => removed = listing.RemoveImage(imageId, now).Image), cancellationToken, lockListing: true);
        return (result, result.Listing is null ? null : removed);
    }

    public Task<ListingResult> ReorderImagesAsync(Guid userId, Guid listingId, IReadOnlyList<Guid> imageIds, CancellationToken cancellationToken) =>
        ChangeAsync(userId, listingId, (_, listing, now) => Refuse(() => listing.ReorderImages(imageIds, now)), cancellationToken, lockListing: true);

    /// <summary>Marks a listing as a favourite of the user; doing it twice changes nothing.</summary>
    public async Task<ListingResult> FavoriteAsync(Guid userId, Guid listingId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        if (listing is null || !IsVisibleTo(listing, userId)) return ListingResult.Failed(ListingViolations.NotFound);
        if (listing.IsOwnedBy(userId)) return ListingResult.Failed(ListingViolations.OwnListing);
        // ON CONFLICT keeps a double submit (two tabs, a retried request) from failing on the primary key.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO listing_favorites (user_id, listing_id, created_at) VALUES ({userId}, {listingId}, {clock.GetUtcNow().UtcDateTime}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return new ListingResult(listing, []);
    }

    /// <summary>Removes a favourite; removing one that is not there changes nothing.</summary>
    public async Task<ListingResult> UnfavoriteAsync(Guid userId, Guid listingId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ListingFavorites.Where(f => f.UserId == userId && f.ListingId == listingId).ExecuteDeleteAsync(cancellationToken);
        var listing = await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        return listing is null || !IsVisibleTo(listing, userId) ? ListingResult.Failed(ListingViolations.NotFound) : new ListingResult(listing, []);
    }

    /// <summary>Archived listings are their owner's business only; every other state is public.</summary>
    public static bool IsVisibleTo(Listing listing, Guid? viewerId) =>
        listing.Status != ListingStatus.Archived || listing.OwnerId == viewerId;

    private async Task<ListingResult> ChangeAsync(
        Guid userId, Guid listingId,
        Func<TrocDbContext, Listing, DateTime, Task<List<Violation>>> change,
        CancellationToken cancellationToken, bool lockListing = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Photo changes hold the listing's row until they commit: two requests adding photos at once would otherwise
        // both see room for theirs and together go over the limit (or both remove "not the last" photo).
        await using var transaction = lockListing ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (lockListing)
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM listings WHERE id = {listingId} FOR UPDATE", cancellationToken);
        var listing = await db.Listings.FirstOrDefaultAsync(l => l.Id == listingId, cancellationToken);
        if (listing is null || !IsVisibleTo(listing, userId)) return ListingResult.Failed(ListingViolations.NotFound);
        if (!listing.IsOwnedBy(userId)) return ListingResult.Failed(ListingViolations.NotOwner);
        var violations = await change(db, listing, clock.GetUtcNow().UtcDateTime);
        if (violations.Count > 0) return new ListingResult(null, violations);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return new ListingResult(listing, []);
    }

    /// <summary>Runs a change the listing may refuse (its state forbids it): the refusal comes back as the violation.</summary>
    private static Task<List<Violation>> Refuse(Action change)
    {
        try
        {
            change();
            return Task.FromResult(new List<Violation>());
        }
        catch (ViolationException refused)
        {
            return Task.FromResult(new List<Violation> { refused.Violation });
        }
    }

    private async Task<(List<Violation> Violations, ListingReading Reading)> CheckCreateAsync(TrocDbContext db, Guid ownerId,
        ListingDraft draft, ItemTypeChoice? itemType, IReadOnlyList<WantChoice?>? wantChoices, CancellationToken cancellationToken)
    {
        var violations = ListingRules.Check(draft);
        violations.AddRange(await CheckCategoriesAsync(db, draft, cancellationToken));
        var reading = await understanding.ReadAsync(db, draft.Title.Trim(), draft.Description.Trim(), itemType ?? ItemTypeChoice.Automatic,
            reread: true, draft.Wants, wantChoices, cancellationToken);
        violations.AddRange(reading.Violations);
        var active = await db.Listings.CountAsync(l => l.OwnerId == ownerId && l.Status == ListingStatus.Active, cancellationToken);
        if (active >= ListingRules.MaxActiveListingsPerOwner) violations.Add(ListingViolations.ActiveListingLimitToPublish);
        return (violations, reading);
    }

    private static async Task<List<Violation>> CheckCategoriesAsync(TrocDbContext db, ListingDraft draft, CancellationToken cancellationToken)
    {
        var violations = new List<Violation>();
        var ids = draft.WantedCategoryIds.Append(draft.CategoryId).Distinct().ToList();
        var known = await db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, IsSubcategory = c.ParentId != null })
            .ToDictionaryAsync(c => c.Id, c => c.IsSubcategory, cancellationToken);
        if (!known.TryGetValue(draft.CategoryId, out var isSubcategory))
            violations.Add(ListingViolations.CategoryNotFound("categoryId"));
        else if (!isSubcategory)
            violations.Add(ListingViolations.CategoryNotLeaf("categoryId"));
        if (draft.WantedCategoryIds.Any(id => !known.ContainsKey(id)))
            violations.Add(ListingViolations.WantedCategoryNotFound);
        return violations;
    }
}
