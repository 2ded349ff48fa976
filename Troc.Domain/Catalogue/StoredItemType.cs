using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Troc.Domain.Categories;

namespace Troc.Domain.Catalogue;

/// <summary>
/// An item type as the database knows it (table `item_types`), kept in line with <see cref="ItemCatalogue"/> by
/// <see cref="ItemTypeSync"/>, so that listings and wants can point at it with a foreign key.
/// </summary>
/// <remarks>
/// Rows are never deleted: an item type that leaves the catalogue is marked <see cref="Retired"/>, so listings and
/// wants that point at it stay valid. The resolver never proposes a retired type, owners cannot choose one, and
/// `catalogue reindex` moves every listing and want off it (an owner's choice of a retired type goes back to the
/// resolver). A slug that comes back to the catalogue brings its row back to life.
/// </remarks>
public sealed class StoredItemType
{
    private StoredItemType() { }

    public StoredItemType(string slug, string label, int categoryId, int position)
    {
        Slug = slug;
        Label = label;
        CategoryId = categoryId;
        Position = position;
    }

    /// <summary>Internal key (identity); the slug is the stable identifier across databases.</summary>
    public int Id { get; private set; }

    /// <summary>Stable identifier from the catalogue data, such as `perceuse-visseuse`.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>French label from the catalogue data.</summary>
    public string Label { get; private set; } = "";

    /// <summary>The subcategory (a <see cref="Category"/> with a parent) the type hangs under.</summary>
    public int CategoryId { get; private set; }

    /// <summary>Display order within the subcategory, smallest first.</summary>
    public int Position { get; private set; }

    /// <summary>No longer in the catalogue; kept so that what points at it stays valid.</summary>
    public bool Retired { get; private set; }

    /// <summary>Applies the catalogue's current wording and place; a retired type that is back is no longer retired.</summary>
    public bool Update(string label, int categoryId, int position)
    {
        if (Label == label && CategoryId == categoryId && Position == position && !Retired) return false;
        Label = label;
        CategoryId = categoryId;
        Position = position;
        Retired = false;
        return true;
    }

    public bool Retire()
    {
        if (Retired) return false;
        Retired = true;
        return true;
    }
}

internal sealed class StoredItemTypeConfiguration : IEntityTypeConfiguration<StoredItemType>
{
    public void Configure(EntityTypeBuilder<StoredItemType> builder)
    {
        builder.ToTable("item_types");
        builder.Property(t => t.Id).UseIdentityAlwaysColumn();
        builder.Property(t => t.Slug).HasMaxLength(80).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Label).HasMaxLength(120).IsRequired();
        builder.HasOne<Category>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.CategoryId, t.Position });
    }
}
