using Troc.Graph.Transport.Http;

namespace Troc.Graph.Hosting;

public static class TransportHosting
{
    public static WebApplicationBuilder AddTrocTransport(this WebApplicationBuilder builder) => builder.AddTrocWebSockets();

    public static WebApplication UseTrocTransport(this WebApplication app) => app;

    public static WebApplication MapTrocEndpoints(this WebApplication app)
    {
        app.MapTrocWebSockets();
        app.UseWhen(
            context => context.Request.Path.Equals("/graphql", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<GraphQLHttpMiddleware>());
        return app;
    }
}
