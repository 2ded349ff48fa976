using Troc.Domain.SavedSearches;
using Troc.Graph.Common;
using Troc.Graph.SavedSearches;

namespace Troc.Graph.Hosting;

public static class SearchHosting
{
    /// <summary>Saved searches and their alert worker (searchListings itself is registered with the listings).</summary>
    public static WebApplicationBuilder AddTrocSearch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SavedSearchService>();
        services.AddSingleton<SavedSearchAlerts>();
        services.AddScoped<SavedSearchById>();
        services.AddScoped<UnreadMatchCountBySavedSearchId>();
        services.AddSingleton<INodeResolver, SavedSearchNodeResolver>();
        services.AddOptions<SavedSearchAlertOptions>().BindConfiguration(SavedSearchAlertOptions.Section);
        services.AddHostedService<SavedSearchAlertWorker>();
        return builder;
    }
}
