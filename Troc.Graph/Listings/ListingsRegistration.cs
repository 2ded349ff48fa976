using Microsoft.Extensions.DependencyInjection.Extensions;
using Troc.Domain.Listings;
using Troc.Graph.Common;

namespace Troc.Graph.Listings;

public static class ListingsRegistration
{
    /// <summary>Listings: reading their item type and wants, the use cases, the catalogue reindex, loaders and node resolver.</summary>
    public static IServiceCollection AddListings(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ListingUnderstanding>();
        services.AddSingleton<CatalogueReindex>();
        services.AddSingleton<ListingService>();
        services.AddScoped<ListingById>();
        services.AddScoped<FavoriteCountByListingId>();
        services.AddScoped<FavoriteByUserAndListing>();
        services.AddSingleton<INodeResolver, ListingNodeResolver>();
        return services;
    }
}
