using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Troc.Domain.Listings;
using Troc.Domain.Users;

namespace Troc.Domain.SavedSearches;

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.ToTable("saved_searches");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(SavedSearch.NameMaxLength).IsRequired();
        builder.Property(s => s.Definition)
            .HasConversion(new ValueConverter<SavedSearchDefinition, string>(d => d.ToJson(), json => SavedSearchDefinition.FromJson(json)))
            .HasColumnType("jsonb")
            .IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OwnerId, s.CreatedAt });
    }
}

internal sealed class SavedSearchAlertConfiguration : IEntityTypeConfiguration<SavedSearchAlert>
{
    public void Configure(EntityTypeBuilder<SavedSearchAlert> builder)
    {
        builder.ToTable("saved_search_alerts");
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.HasOne<SavedSearch>().WithMany().HasForeignKey(a => a.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Listing>().WithMany().HasForeignKey(a => a.ListingId).OnDelete(DeleteBehavior.Cascade);
        // Never alert twice for the same search and listing (the worker inserts ON CONFLICT DO NOTHING).
        builder.HasIndex(a => new { a.SavedSearchId, a.ListingId }).IsUnique();
        // A member's alerts, newest first, and their unread count.
        builder.HasIndex(a => new { a.OwnerId, a.Id });
        builder.HasIndex(a => a.ListingId);
    }
}

internal sealed class SavedSearchJobConfiguration : IEntityTypeConfiguration<SavedSearchJob>
{
    public void Configure(EntityTypeBuilder<SavedSearchJob> builder)
    {
        builder.ToTable("saved_search_jobs");
        builder.Property(j => j.Id).UseIdentityAlwaysColumn();
        builder.Property(j => j.EnqueuedAt).HasDefaultValueSql("now()");
        builder.Property(j => j.AvailableAt).HasDefaultValueSql("now()");
        builder.Property(j => j.Attempts).HasDefaultValue(0);
        builder.HasOne<Listing>().WithMany().HasForeignKey(j => j.ListingId).OnDelete(DeleteBehavior.Cascade);
        // The worker claims pending jobs in order; processed ones are pruned.
        builder.HasIndex(j => new { j.AvailableAt, j.Id }).HasFilter("processed_at IS NULL");
        builder.HasIndex(j => j.ProcessedAt).HasFilter("processed_at IS NOT NULL");
        builder.HasIndex(j => j.ListingId);
    }
}
