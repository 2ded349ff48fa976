using Microsoft.EntityFrameworkCore;
using Troc.Domain.Catalogue;
using Troc.Domain.Categories;
using Troc.Domain.Listings;
using Troc.Domain.Moderation;
using Troc.Domain.Places;
using Troc.Domain.SavedSearches;
using Troc.Domain.Users;

namespace Troc.Domain.Persistence;

public sealed class TrocDbContext(DbContextOptions<TrocDbContext> options) : DbContext(options)
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<StoredItemType> ItemTypes => Set<StoredItemType>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<ReferenceDataVersion> ReferenceDataVersions => Set<ReferenceDataVersion>();

    public DbSet<User> Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<Listing> Listings => Set<Listing>();

    public DbSet<ListingFavorite> ListingFavorites => Set<ListingFavorite>();

    public DbSet<UserBlock> UserBlocks => Set<UserBlock>();

    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();

    public DbSet<SavedSearchAlert> SavedSearchAlerts => Set<SavedSearchAlert>();

    public DbSet<SavedSearchJob> SavedSearchJobs => Set<SavedSearchJob>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasPostgresExtension("unaccent");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrocDbContext).Assembly);
    }
}
