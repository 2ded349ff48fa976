using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Troc.Domain.Catalogue;
using Troc.Domain.Categories;
using Troc.Domain.Users;

namespace Troc.Domain.Listings;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> builder)
    {
        builder.ToTable("listings");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Title).HasMaxLength(ListingRules.TitleMaxLength).IsRequired();
        builder.Property(l => l.Description).HasMaxLength(ListingRules.DescriptionMaxLength).IsRequired();
        builder.Property(l => l.Condition).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.PlaceName).HasMaxLength(ListingRules.PlaceNameMaxLength).IsRequired();
        builder.Property(l => l.Location).HasColumnType("geography (Point, 4326)").IsRequired();
        builder.Property(l => l.PublicLocation).HasColumnType("geography (Point, 4326)").IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredItemType>().WithMany().HasForeignKey(l => l.ItemTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.ItemTypeSource).HasConversion<string>().HasMaxLength(16);
        builder.OwnsMany(l => l.Wants, wants =>
        {
            wants.ToTable("listing_wants");
            wants.WithOwner().HasForeignKey("ListingId");
            wants.HasKey("ListingId", nameof(ListingWant.Position));
            wants.Property(w => w.Position).ValueGeneratedNever();
            wants.Property(w => w.Text).HasMaxLength(ListingRules.WantMaxLength).IsRequired();
            wants.Property(w => w.Scope).HasConversion<string>().HasMaxLength(16);
            wants.HasOne<Category>().WithMany().HasForeignKey(w => w.CategoryId).OnDelete(DeleteBehavior.Restrict);
            // Matching joins these rows to listings.item_type_id: one row per (want, item type), indexed by item type.
            wants.OwnsMany(w => w.ItemTypes, itemTypes =>
            {
                itemTypes.ToTable("listing_want_item_types");
                itemTypes.WithOwner().HasForeignKey("ListingId", "WantPosition");
                itemTypes.HasKey("ListingId", "WantPosition", nameof(ListingWantItemType.Rank));
                itemTypes.Property(t => t.Rank).ValueGeneratedNever();
                itemTypes.HasOne<StoredItemType>().WithMany().HasForeignKey(t => t.ItemTypeId).OnDelete(DeleteBehavior.Restrict);
                itemTypes.HasIndex(t => t.ItemTypeId);
            });
            wants.Navigation(w => w.ItemTypes).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(l => l.Wants).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Photos are owned too, so they load with the listing (no extra statement per listing).
        builder.OwnsMany(l => l.Images, images =>
        {
            images.ToTable("listing_images");
            images.WithOwner().HasForeignKey("ListingId");
            images.HasKey("ListingId", nameof(ListingImage.Id));
            images.Property(i => i.Id).ValueGeneratedNever();
            images.Property(i => i.Image).HasConversion(new StoredImageJsonConverter()).HasColumnType("jsonb").IsRequired();
        });
        builder.Navigation(l => l.Images).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(l => l.ExactPoint);
        builder.Ignore(l => l.PublicPoint);
        // Search filters on status and distance from the blurred point; owners list their own by recency.
        builder.HasIndex(l => l.PublicLocation).HasMethod("gist");
        builder.HasIndex(l => new { l.OwnerId, l.Status, l.CreatedAt });
        builder.HasIndex(l => new { l.Status, l.CreatedAt });
        // Search filters and counts by item type; matching joins wants' item types to it.
        builder.HasIndex(l => l.ItemTypeId);
    }
}
