using Troc.Graph.Accounts;
using Troc.Graph.Catalogue;
using Troc.Graph.Categories;
using Troc.Graph.Listings;
using Troc.Graph.Media;
using Troc.Graph.Moderation;
using Troc.Graph.Places;
using Troc.Graph.SavedSearches;
using Troc.Graph.Search;
using Troc.Graph.Seed;
using Troc.Graph.Users;

namespace Troc.Graph.Hosting;

/// <summary>
/// Every feature, each registered by its own folder (`{Feature}/{Feature}Registration.cs`): its use cases, loaders,
/// node resolvers and background work. A new feature adds its line here, and its root fields to Schema/.
/// </summary>
public static class Features
{
    public static WebApplicationBuilder AddTrocFeatures(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddAccounts()
            .AddUsers()
            .AddCategories()
            .AddCatalogue()
            .AddPlaces()
            .AddMedia()
            .AddListings()
            .AddSearch()
            .AddSavedSearches()
            .AddModeration()
            .AddDemoSeed();
        return builder;
    }

    /// <summary>The features' own HTTP endpoints, beside /graphql.</summary>
    public static WebApplication MapTrocFeatures(this WebApplication app)
    {
        app.MapMediaEndpoints();
        return app;
    }
}
