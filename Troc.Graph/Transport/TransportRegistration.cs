using Troc.Graph.Transport.Authorization;
using Troc.Graph.Transport.Http;
using Troc.Graph.Transport.WebSockets;

namespace Troc.Graph.Transport;

public static class TransportRegistration
{
    public const string GraphQLPath = "/graphql";

    /// <summary>GraphQL over HTTP and over WebSocket, the access tokens that authenticate both, and the authorization rule.</summary>
    public static WebApplicationBuilder AddTrocTransport(this WebApplicationBuilder builder)
    {
        builder.Services.AddGraphQLHttp();
        builder.AddTrocWebSockets();
        builder.AddTrocAuthorization();
        return builder;
    }

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
