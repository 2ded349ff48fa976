using GraphQL;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Troc.Graph.Abuse;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades on /graphql that ask for <c>graphql-transport-ws</c> and runs the protocol on them.
/// Any other sub-protocol (or none) is accepted without one and closed at once with 4406, as graphql-ws's own
/// server does, so that the client learns why instead of seeing a bare failed handshake; so is a socket past its
/// address's limit (4429). Upgrades from a foreign page are refused outright (403, <see cref="WebSocketOrigins"/>).
/// </summary>
public sealed class GraphQLWebSocketMiddleware(
    RequestDelegate next,
    IOptions<GraphQLWebSocketOptions> options,
    ILogger<GraphQLWebSocketMiddleware> logger)
{
    public async Task InvokeAsync(
        HttpContext context,
        IWebSocketAuthenticator authenticator,
        GraphQLRequestExecutor executor,
        IGraphQLTextSerializer serializer,
        IServiceScopeFactory scopeFactory,
        WebSocketSessions sessions,
        ICorsPolicyProvider corsPolicies)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }
        if (!await WebSocketOrigins.IsAllowedAsync(context, corsPolicies))
        {
            logger.LogInformation("WebSocket refused: origin {Origin} is not allowed", context.Request.Headers.Origin.ToString());
            await WebSocketOrigins.RefuseAsync(context);
            return;
        }

        var settings = options.Value;
        var speaksProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains(TransportWsProtocol.SubProtocol);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(speaksProtocol ? TransportWsProtocol.SubProtocol : null);
        var connection = new WebSocketConnection(socket, settings, logger);
        if (!speaksProtocol)
        {
            logger.LogInformation("WebSocket refused: sub-protocols [{Requested}] do not include {Expected}",
                string.Join(", ", context.WebSockets.WebSocketRequestedProtocols), TransportWsProtocol.SubProtocol);
            connection.Close(SocketClosure.SubprotocolNotAcceptable);
            await connection.RunAsync(new RefusedSocket(), context.RequestAborted);
            return;
        }

        using var counted = sessions.TryOpen(ClientAddress.Of(context));
        if (counted is null)
        {
            logger.LogInformation("WebSocket refused: {ClientAddress} holds {Max} sockets already", ClientAddress.Of(context), settings.MaxSocketsPerAddress);
            connection.Close(SocketClosure.TooManySocketsFromAddress);
            await connection.RunAsync(new RefusedSocket(), context.RequestAborted);
            return;
        }

        var clock = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var session = new GraphQLTransportWsSession(
            connection, context, settings, authenticator, executor, serializer, scopeFactory, sessions, clock, logger);
        await connection.RunAsync(session, context.RequestAborted);
    }

    /// <summary>A socket closed on arrival: its messages are drained until the client acknowledges the close.</summary>
    private sealed class RefusedSocket : IWebSocketMessageHandler
    {
        public void OnOpened() { }

        public Task OnMessageAsync(ReadOnlyMemory<byte> message) => Task.CompletedTask;

        public ValueTask OnClosedAsync() => ValueTask.CompletedTask;
    }
}
