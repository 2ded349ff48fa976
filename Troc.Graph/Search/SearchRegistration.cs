using Troc.Domain.Search;

namespace Troc.Graph.Search;

public static class SearchRegistration
{
    /// <summary>`searchListings` and `searchSuggestions`.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<ListingSearch>();
        services.AddSingleton<SearchSuggestions>();
        return services;
    }
}
