using Troc.Domain.Catalogue;
using Troc.Graph.Common;

namespace Troc.Graph.Catalogue;

public static class CatalogueRegistration
{
    /// <summary>The item catalogue's resolver (embedded in the build), the item type loaders and node resolver.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddSingleton(_ => ItemTypeResolver.Default);
        services.AddScoped<ItemTypeById>();
        services.AddScoped<ItemTypeBySlug>();
        services.AddScoped<ItemTypesByCategoryId>();
        services.AddSingleton<INodeResolver, ItemTypeNodeResolver>();
        return services;
    }
}
