using Troc.Graph.Transport.Http;

namespace Troc.Graph.Hosting;

public static class TransportHosting
{
    public const string GraphQLPath = "/graphql";

    public static WebApplicationBuilder AddTrocTransport(this WebApplicationBuilder builder)
    {
        builder.Services.AddGraphQLHttp();
        builder.AddTrocWebSockets();
        return builder;
    }

    public static WebApplication UseTrocTransport(this WebApplication app) => app;

    public static WebApplication MapTrocEndpoints(this WebApplication app)
    {
        app.MapTrocWebSockets();
        // A branch rather than an endpoint: what the HTTP middleware passes on (WebSocket upgrades, the IDE page)
        // rejoins the main pipeline and its endpoints.
        app.UseWhen(
            context => context.Request.Path.Equals(GraphQLPath, StringComparison.OrdinalIgnoreCase),
            graphql => graphql
                .UseCors(GraphQLCors.PolicyName)
                .UseMiddleware<GraphQLHttpMiddleware>());
        return app;
    }
}
