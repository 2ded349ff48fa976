using GraphQL.Execution;
using GraphQL.MicrosoftDI;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Troc.Graph.Transport.WebSockets;

public static class WebSocketsRegistration
{
    public static WebApplicationBuilder AddTrocWebSockets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphQLWebSocketOptions>()
            .Bind(builder.Configuration.GetSection(GraphQLWebSocketOptions.Section))
            .Validate(o => o.MaxMessageBytes > 0, $"{GraphQLWebSocketOptions.Section}:MaxMessageBytes must be positive.")
            .Validate(o => o.CloseHandshakeTimeout > TimeSpan.Zero, $"{GraphQLWebSocketOptions.Section}:CloseHandshakeTimeout must be positive.")
            .ValidateOnStart();
        // Issue 3 (accounts) replaces nothing here: registering the JwtBearer scheme is enough for this default.
        builder.Services.TryAddSingleton<IWebSocketAuthenticator, BearerWebSocketAuthenticator>();
        builder.Services.AddSingleton<WebSocketSessions>();

        // Subscription events are resolved after the subscribing request returned, one at a time, and their
        // fields may use scoped services (per-request batch loaders cache what they load). This strategy gives
        // each event a DI scope of its own, disposed once the event is resolved: a loader never serves one
        // event's data to the next, and no scoped service outlives its event. Events of one stream are resolved
        // serially, as scoped services are not built for concurrent use.
        // Registered directly rather than through a second AddGraphQL(...) call, which would register the
        // engine's defaults twice; it is what GraphQL.NET's AddScopedSubscriptionExecutionStrategy() registers.
        builder.Services.AddSingleton(services => new ExecutionStrategyRegistration(
            new ScopedSubscriptionExecutionStrategy(services.GetRequiredService<IServiceScopeFactory>(), new SerialExecutionStrategy()),
            OperationType.Subscription));
        return builder;
    }

    /// <summary>WebSocket upgrades on /graphql go to the GraphQL WebSocket transport; everything else passes by.</summary>
    public static WebApplication MapTrocWebSockets(this WebApplication app)
    {
        app.UseWebSockets();
        app.UseWhen(
            context => context.WebSockets.IsWebSocketRequest
                && context.Request.Path.Equals(TransportRegistration.GraphQLPath, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<GraphQLWebSocketMiddleware>());
        return app;
    }
}
