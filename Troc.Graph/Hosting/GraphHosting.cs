using System.Text.Encodings.Web;
using GraphQL;
using Troc.Domain.Places;
using Troc.Graph.Categories;
using Troc.Graph.Places;
using Troc.Graph.Schema;
using Troc.Graph.Transport;

namespace Troc.Graph.Hosting;

public static class GraphHosting
{
    public static WebApplicationBuilder AddTrocGraph(this WebApplicationBuilder builder)
    {
        // Descriptions come from [Description] attributes and, failing those, from the XML doc comments.
        GlobalSwitches.EnableReadDescriptionFromXmlDocumentation = true;

        var exposeExceptions = builder.Environment.IsDevelopment();
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<TrocSchema>()
            .AddGraphTypes(typeof(TrocSchema).Assembly)
            // Accents stay readable in responses (é, not \u00E9); every response is served as JSON, never HTML.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = exposeExceptions));

        builder.Services.AddSingleton<GraphQLRequestExecutor>();
        builder.Services.AddTrocFeatures();
        return builder;
    }

    /// <summary>Per-request loaders and node resolvers of every feature.</summary>
    private static IServiceCollection AddTrocFeatures(this IServiceCollection services)
    {
        services.AddScoped<CategoryById>();
        services.AddScoped<CategoriesByParentId>();
        services.AddSingleton<INodeResolver, CategoryNodeResolver>();
        services.AddSingleton<PlaceDirectory>();
        services.AddScoped<PlaceById>();
        services.AddSingleton<INodeResolver, PlaceNodeResolver>();
        return services;
    }
}
