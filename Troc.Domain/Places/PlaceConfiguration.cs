using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Troc.Domain.Places;

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.ToTable("places");
        // The INSEE code is the key: stable, public, and what other data sets join on.
        builder.Property(p => p.Id).HasMaxLength(5).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(100).IsRequired();
        builder.Property(p => p.SearchKey).HasMaxLength(100).IsRequired();
        builder.Property(p => p.PostalCodes).HasColumnType("text[]").IsRequired();
        builder.Property(p => p.DepartmentCode).HasMaxLength(3).IsRequired();
        builder.Property(p => p.Location).HasColumnType("geography (Point, 4326)");
        // Stored as the gazetteer file writes it ("commune", "approximate"), so the import copies it as is.
        builder.Property(p => p.LocationPrecision)
            .HasConversion(v => v.HasValue ? v.Value.ToString().ToLowerInvariant() : null,
                v => v == null ? null : Enum.Parse<PlaceLocationPrecision>(v, true))
            .HasMaxLength(16);

        // Trigrams serve both "starts with" (LIKE 'lyon%') and "a later word starts with" (LIKE '% lyon%').
        builder.HasIndex(p => p.SearchKey).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(p => p.Location).HasMethod("gist");
        // Postal code prefixes ("690") are served by a trigram index on place_postal_codes_text(postal_codes),
        // created in the Places migration: EF Core does not model expression indexes.
    }
}
