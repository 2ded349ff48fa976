using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.Options;
using Troc.Graph.Schema;
using Troc.Graph.Transport;
using Troc.Graph.Transport.Execution;

namespace Troc.Graph.Hosting;

/// <summary>The GraphQL engine: the schema (every feature's types, found in this assembly), serialization, execution limits, the document cache.</summary>
public static class GraphHosting
{
    public static WebApplicationBuilder AddTrocGraph(this WebApplicationBuilder builder)
    {
        // Descriptions come from [Description] attributes and, failing those, from the XML doc comments.
        GlobalSwitches.EnableReadDescriptionFromXmlDocumentation = true;

        builder.Services.AddOptions<ExecutionLimitsOptions>()
            .BindConfiguration(ExecutionLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DocumentCacheOptions>()
            .BindConfiguration(DocumentCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DocumentCache>();
        builder.Services.AddSingleton<UnhandledExceptionHandler>();
        builder.Services.AddOptions<ExceptionDetailsOptions>().BindConfiguration(ExceptionDetailsOptions.Section);

        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<TrocSchema>()
            .AddGraphTypes(typeof(TrocSchema).Assembly)
            // Accents stay readable in responses (é, not \u00E9); every response is served as JSON, never HTML.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider<TrocErrorInfoProvider>()
            .AddExecutionLimits()
            .ConfigureExecution(services => services.GetRequiredService<DocumentCache>())
            .AddUnhandledExceptionHandler(context => context.ExecutionOptions.RequestServices!
                .GetRequiredService<UnhandledExceptionHandler>().HandleAsync(context)));

        builder.Services.AddSingleton<GraphQLRequestExecutor>();
        builder.Services.AddHostedService<StartupWarmup>();
        return builder;
    }

    /// <summary>
    /// The limits enforced by the engine: fields and aliases right after parsing, depth, complexity and introspection
    /// depth during validation (the document length is checked earlier, by <see cref="GraphQLRequestExecutor"/>).
    /// Depth and complexity depend on the selected operation and on variables, so they run on cached documents too.
    /// </summary>
    private static IGraphQLBuilder AddExecutionLimits(this IGraphQLBuilder graphQL)
    {
        graphQL.Services.Register<IDocumentBuilder, LimitedDocumentBuilder>(GraphQL.DI.ServiceLifetime.Singleton, replace: true);
        return graphQL
            .AddValidationRule(services => new DepthAndComplexityRule(LimitsOf(services)), useForCachedDocuments: true)
            .AddValidationRule(services => new IntrospectionDepthRule(LimitsOf(services)));
    }

    private static ExecutionLimitsOptions LimitsOf(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ExecutionLimitsOptions>>().Value;
}
