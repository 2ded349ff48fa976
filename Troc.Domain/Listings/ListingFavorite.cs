using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Troc.Domain.Users;

namespace Troc.Domain.Listings;

/// <summary>A member keeps an eye on a listing.</summary>
public sealed class ListingFavorite
{
    private ListingFavorite() { }

    public ListingFavorite(Guid userId, Guid listingId, DateTime createdAt)
    {
        UserId = userId;
        ListingId = listingId;
        CreatedAt = createdAt;
    }

    public Guid UserId { get; private set; }

    public Guid ListingId { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

internal sealed class ListingFavoriteConfiguration : IEntityTypeConfiguration<ListingFavorite>
{
    public void Configure(EntityTypeBuilder<ListingFavorite> builder)
    {
        builder.ToTable("listing_favorites");
        builder.HasKey(f => new { f.UserId, f.ListingId });
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Listing>().WithMany().HasForeignKey(f => f.ListingId).OnDelete(DeleteBehavior.Cascade);
        // favoriteCount counts by listing; "my favourites" pages by user and recency (the primary key covers it).
        builder.HasIndex(f => f.ListingId);
        builder.HasIndex(f => new { f.UserId, f.CreatedAt });
    }
}
