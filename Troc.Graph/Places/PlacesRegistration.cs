using Troc.Domain.Places;
using Troc.Graph.Common;

namespace Troc.Graph.Places;

public static class PlacesRegistration
{
    /// <summary>The French communes, searched in memory, their loader and node resolver.</summary>
    public static IServiceCollection AddPlaces(this IServiceCollection services)
    {
        services.AddSingleton<PlaceDirectory>();
        services.AddScoped<PlaceById>();
        services.AddSingleton<INodeResolver, PlaceNodeResolver>();
        return services;
    }
}
