using Microsoft.EntityFrameworkCore;
using Troc.Domain.Categories;
using Troc.Domain.Listings;

namespace Troc.Domain.Persistence;

/// <summary>
/// The queries behind the API's batch loaders, in one place so that the search benchmark's raw side can run the very
/// SQL they produce (see bench/search).
/// </summary>
public static class LoaderQueries
{
    /// <summary>Listings by id, with their photos (owned rows loaded with them).</summary>
    public static IQueryable<Listing> ListingsByIds(TrocDbContext db, IReadOnlyCollection<Guid> ids) =>
        db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id));

    public static IQueryable<Category> CategoriesByIds(TrocDbContext db, IReadOnlyCollection<int> ids) =>
        db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id));
}
