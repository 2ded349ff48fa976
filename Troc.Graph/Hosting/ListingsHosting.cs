using Microsoft.Extensions.DependencyInjection.Extensions;
using Troc.Domain.Catalogue;
using Troc.Domain.Listings;
using Troc.Graph.Common;
using Troc.Graph.Listings;

namespace Troc.Graph.Hosting;

public static class ListingsHosting
{
    public static WebApplicationBuilder AddTrocListings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => ItemTypeResolver.Default);
        services.AddSingleton<ListingUnderstanding>();
        services.AddSingleton<CatalogueReindex>();
        services.AddSingleton<ListingService>();
        services.AddSingleton<Seed.DemoSeed>();
        services.AddScoped<ListingById>();
        services.AddSingleton<Troc.Domain.Search.ListingSearch>();
        services.AddSingleton<Troc.Domain.Search.SearchSuggestions>();
        services.AddScoped<FavoriteCountByListingId>();
        services.AddScoped<FavoriteByUserAndListing>();
        services.AddSingleton<INodeResolver, ListingNodeResolver>();
        return builder;
    }
}
