using Troc.Graph.Common;

namespace Troc.Graph.Categories;

public static class CategoriesRegistration
{
    public static IServiceCollection AddCategories(this IServiceCollection services)
    {
        services.AddScoped<CategoryById>();
        services.AddScoped<CategoriesByParentId>();
        services.AddSingleton<INodeResolver, CategoryNodeResolver>();
        return services;
    }
}
