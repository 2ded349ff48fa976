using Microsoft.Extensions.DependencyInjection.Extensions;
using Troc.Domain.SavedSearches;
using Troc.Graph.Common;

namespace Troc.Graph.SavedSearches;

public static class SavedSearchesRegistration
{
    /// <summary>Saved searches, their loaders and node resolver, and the worker that raises their alerts.</summary>
    public static IServiceCollection AddSavedSearches(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SavedSearchService>();
        services.AddSingleton<SavedSearchAlerts>();
        services.AddScoped<SavedSearchById>();
        services.AddScoped<UnreadMatchCountBySavedSearchId>();
        services.AddSingleton<INodeResolver, SavedSearchNodeResolver>();
        services.AddOptions<SavedSearchAlertOptions>().BindConfiguration(SavedSearchAlertOptions.Section);
        services.AddHostedService<SavedSearchAlertWorker>();
        return services;
    }
}
