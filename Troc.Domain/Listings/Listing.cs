using NetTopologySuite.Geometries;
using Troc.Domain.Catalogue;
using Troc.Domain.Common;
using Troc.Domain.Media;

namespace Troc.Domain.Listings;

/// <summary>Something a person offers to swap, what they would take for it, and where it is.</summary>
public sealed class Listing
{
    private readonly List<ListingWant> _wants = [];
    private readonly List<ListingImage> _images = [];

    private Listing() { }

    /// <summary>Creates an active listing from a draft that <see cref="ListingRules.Check"/> accepted, with photos already stored (none is allowed).</summary>
    public static Listing Create(Guid ownerId, ListingDraft draft, DateTime now, IReadOnlyList<StoredImage>? images = null)
    {
        var listing = new Listing { Id = Guid.NewGuid(), OwnerId = ownerId, CreatedAt = now, Status = ListingStatus.Active };
        listing.Apply(draft, now);
        if (images is { Count: > 0 }) listing.AddImages(images, now);
        return listing;
    }

    public Guid Id { get; private set; }

    /// <summary>The user who offers the item.</summary>
    public Guid OwnerId { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The subcategory the listing is filed under.</summary>
    public int CategoryId { get; private set; }

    /// <summary>What kind of thing this is (a <see cref="Catalogue.StoredItemType"/>); null when nothing in the catalogue matched.</summary>
    public int? ItemTypeId { get; private set; }

    /// <summary>Whether the resolver or the owner decided <see cref="ItemTypeId"/>.</summary>
    public ItemTypeSource ItemTypeSource { get; private set; }

    /// <summary>The resolver's confidence (0–1) in <see cref="ItemTypeId"/>; 1 when the owner chose it, null when unresolved.</summary>
    public double? ItemTypeConfidence { get; private set; }

    public ItemCondition Condition { get; private set; }

    /// <summary>What the owner would take in exchange, in their words, in the order they gave.</summary>
    public IReadOnlyList<ListingWant> Wants => _wants;

    /// <summary>Categories the owner would take anything from.</summary>
    public int[] WantedCategoryIds { get; private set; } = [];

    /// <summary>The owner will consider any offer, not only what the wants say.</summary>
    public bool OpenToAnyOffer { get; private set; }

    /// <summary>The exact point the owner gave. Never leaves the server except to the owner.</summary>
    public Point Location { get; private set; } = null!;

    /// <summary>The centre of the ~1 km cell holding <see cref="Location"/>: what everyone else sees and searches on.</summary>
    public Point PublicLocation { get; private set; } = null!;

    /// <summary>The town or neighbourhood the owner named, shown with the blurred point.</summary>
    public string PlaceName { get; private set; } = "";

    public ListingStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>The photos as stored (unordered); use <see cref="ImagesInOrder"/> to show them.</summary>
    public IReadOnlyList<ListingImage> Images => _images;

    /// <summary>The photos in the owner's order, the cover first.</summary>
    public IReadOnlyList<ListingImage> ImagesInOrder() => _images.OrderBy(i => i.Position).ToList();

    /// <summary>
    /// Appends photos after the current ones. A listing holds at most <see cref="ListingRules.MaxImages"/>; a batch that
    /// would go over is refused whole (TOO_MANY_IMAGES) and nothing changes.
    /// </summary>
    public IReadOnlyList<ListingImage> AddImages(IReadOnlyList<StoredImage> images, DateTime now)
    {
        if (_images.Count + images.Count > ListingRules.MaxImages)
            throw new ViolationException(ListingViolations.TooManyImages);
        var added = images.Select((image, i) => new ListingImage(Guid.NewGuid(), _images.Count + i, image)).ToList();
        _images.AddRange(added);
        UpdatedAt = now;
        return added;
    }

    /// <summary>
    /// Drops a photo and closes the gap in the order. A listing that has photos keeps at least one (LAST_IMAGE): the
    /// owner replaces the last photo by adding the new one first.
    /// </summary>
    public ListingImage RemoveImage(Guid imageId, DateTime now)
    {
        var image = _images.FirstOrDefault(i => i.Id == imageId)
            ?? throw new ViolationException(ListingViolations.ImageNotFound);
        if (_images.Count == 1)
            throw new ViolationException(ListingViolations.LastImage);
        _images.Remove(image);
        var position = 0;
        foreach (var remaining in _images.OrderBy(i => i.Position)) remaining.Position = position++;
        UpdatedAt = now;
        return image;
    }

    /// <summary>Puts the photos in the order given, which must name every current photo exactly once.</summary>
    public void ReorderImages(IReadOnlyList<Guid> imageIds, DateTime now)
    {
        if (imageIds.Count != _images.Count || imageIds.Distinct().Count() != imageIds.Count
            || imageIds.Any(id => _images.All(i => i.Id != id)))
            throw new ViolationException(ListingViolations.ImagesNotAPermutation);
        for (var position = 0; position < imageIds.Count; position++)
            _images.Single(i => i.Id == imageIds[position]).Position = position;
        UpdatedAt = now;
    }

    /// <summary>Replaces the owner-written fields with a draft that <see cref="ListingRules.Check"/> accepted.</summary>
    public void Update(ListingDraft draft, DateTime now) => Apply(draft, now);

    /// <summary>
    /// Records what the listing is and what its wants ask for (see <see cref="ListingUnderstanding"/>). A null argument
    /// keeps the current value; <paramref name="wants"/> must hold one want per want text, in order.
    /// </summary>
    public void Understand(ItemTypeAssignment? itemType, IReadOnlyList<ListingWant>? wants)
    {
        if (itemType is not null)
        {
            ItemTypeId = itemType.ItemTypeId;
            ItemTypeSource = itemType.Source;
            ItemTypeConfidence = itemType.Confidence;
        }
        if (wants is not null)
        {
            _wants.Clear();
            _wants.AddRange(wants);
        }
    }

    /// <summary>Withdraws the listing; a traded listing stays traded.</summary>
    public void Archive(DateTime now)
    {
        if (Status == ListingStatus.Traded)
            throw new ViolationException(ListingViolations.Traded);
        if (Status == ListingStatus.Archived)
            throw new ViolationException(ListingViolations.AlreadyArchived);
        ChangeStatus(ListingStatus.Archived, now);
    }

    /// <summary>Puts an archived listing back on offer.</summary>
    public void Reactivate(DateTime now)
    {
        if (Status != ListingStatus.Archived)
            throw new ViolationException(ListingViolations.NotArchived);
        ChangeStatus(ListingStatus.Active, now);
    }

    /// <summary>A swap was agreed: the listing leaves search but stays visible.</summary>
    public void Reserve(DateTime now)
    {
        if (Status != ListingStatus.Active)
            throw new ViolationException(ListingViolations.NotActive);
        ChangeStatus(ListingStatus.Reserved, now);
    }

    /// <summary>The agreed swap fell through: the listing is on offer again.</summary>
    public void Release(DateTime now)
    {
        if (Status != ListingStatus.Reserved)
            throw new ViolationException(ListingViolations.NotReserved);
        ChangeStatus(ListingStatus.Active, now);
    }

    /// <summary>The swap happened.</summary>
    public void MarkTraded(DateTime now)
    {
        if (Status is not (ListingStatus.Active or ListingStatus.Reserved))
            throw new ViolationException(ListingViolations.NotAvailable);
        ChangeStatus(ListingStatus.Traded, now);
    }

    public bool IsOwnedBy(Guid userId) => OwnerId == userId;

    public GeoPoint ExactPoint => GeoPoint.From(Location);

    public GeoPoint PublicPoint => GeoPoint.From(PublicLocation);

    private void ChangeStatus(ListingStatus status, DateTime now)
    {
        Status = status;
        UpdatedAt = now;
    }

    private void Apply(ListingDraft draft, DateTime now)
    {
        Title = draft.Title.Trim();
        Description = draft.Description.Trim();
        CategoryId = draft.CategoryId;
        Condition = draft.Condition;
        // Unchanged want texts keep what was read from them (and the owner's choices); new texts start unresolved
        // until Understand records their reading.
        var texts = draft.Wants.Select(text => text.Trim()).ToList();
        if (!_wants.Select(w => w.Text).SequenceEqual(texts))
        {
            _wants.Clear();
            _wants.AddRange(texts.Select((text, position) => new ListingWant(position, text)));
        }
        WantedCategoryIds = draft.WantedCategoryIds.Distinct().ToArray();
        OpenToAnyOffer = draft.OpenToAnyOffer;
        Location = draft.Location.ToPoint();
        PublicLocation = LocationBlur.Blur(draft.Location).ToPoint();
        PlaceName = draft.PlaceName.Trim();
        UpdatedAt = now;
    }
}

/// <summary>Who decided a listing's item type.</summary>
public enum ItemTypeSource
{
    /// <summary>The resolver, from the title and description; it decides again when they change.</summary>
    Resolved,
    /// <summary>The owner; kept across title and description changes until they hand it back to the resolver.</summary>
    Owner,
}

/// <summary>A listing's item type and who decided it.</summary>
public sealed record ItemTypeAssignment(int? ItemTypeId, ItemTypeSource Source, double? Confidence);

/// <summary>
/// One thing the owner would take in exchange, as they phrased it ("vélo de ville", "livres de SF"), with what it asks
/// for: item types (best first), or a whole subcategory when it is broad ("de l'outillage").
/// </summary>
public sealed class ListingWant
{
    private readonly List<ListingWantItemType> _itemTypes = [];

    private ListingWant() { }

    /// <summary>A want nothing has read yet (<see cref="WantScope.Unresolved"/>).</summary>
    public ListingWant(int position, string text) : this(position, text, WantScope.Unresolved, [], null, 0, false) { }

    public ListingWant(int position, string text, WantScope scope, IReadOnlyList<(int ItemTypeId, double Confidence)> itemTypes,
        int? categoryId, double confidence, bool chosenByOwner)
    {
        Position = position;
        Text = text;
        Scope = scope;
        CategoryId = categoryId;
        Confidence = confidence;
        ChosenByOwner = chosenByOwner;
        _itemTypes.AddRange(itemTypes.Select((t, rank) => new ListingWantItemType(rank, t.ItemTypeId, t.Confidence)));
    }

    public int Position { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>Whether the want names item types, a whole subcategory, or nothing the catalogue knows.</summary>
    public WantScope Scope { get; private set; }

    /// <summary>The item types asked for, best first; empty unless <see cref="Scope"/> is <see cref="WantScope.ItemTypes"/>.</summary>
    public IReadOnlyList<ListingWantItemType> ItemTypes => _itemTypes;

    /// <summary>The subcategory asked for when <see cref="Scope"/> is <see cref="WantScope.Subcategory"/>; otherwise null.</summary>
    public int? CategoryId { get; private set; }

    /// <summary>How sure the resolver is (0–1) of the best item type or of the subcategory; 1 when the owner chose, 0 when unresolved.</summary>
    public double Confidence { get; private set; }

    /// <summary>The owner chose the item types or the subcategory; the resolver leaves the want alone.</summary>
    public bool ChosenByOwner { get; private set; }

    /// <summary>Same text, position and resolution.</summary>
    public bool SameAs(ListingWant other) =>
        Position == other.Position && Text == other.Text && Scope == other.Scope && CategoryId == other.CategoryId
        && Math.Abs(Confidence - other.Confidence) < 1e-9 && ChosenByOwner == other.ChosenByOwner
        && _itemTypes.Select(t => (t.ItemTypeId, Math.Round(t.Confidence, 6)))
            .SequenceEqual(other._itemTypes.Select(t => (t.ItemTypeId, Math.Round(t.Confidence, 6))));
}

/// <summary>One item type a want asks for, with the resolver's confidence (1 when the owner chose it).</summary>
public sealed class ListingWantItemType
{
    private ListingWantItemType() { }

    public ListingWantItemType(int rank, int itemTypeId, double confidence)
    {
        Rank = rank;
        ItemTypeId = itemTypeId;
        Confidence = confidence;
    }

    /// <summary>0 for the best candidate.</summary>
    public int Rank { get; private set; }

    public int ItemTypeId { get; private set; }

    public double Confidence { get; private set; }
}
