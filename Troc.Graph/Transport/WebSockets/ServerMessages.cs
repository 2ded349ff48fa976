using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Types = Troc.Graph.Transport.WebSockets.TransportWsProtocol.MessageTypes;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// The messages the server sends. They are GraphQL.NET's <see cref="OperationMessage"/>, so the configured
/// <see cref="IGraphQLTextSerializer"/> writes results and errors exactly as the HTTP transport does (same error
/// info provider, same encoder), and leaves out an absent id or payload as the protocol expects.
/// </summary>
internal static class ServerMessages
{
    public static OperationMessage ConnectionAck() => new() { Type = Types.ConnectionAck };

    public static OperationMessage Ping() => new() { Type = Types.Ping };

    /// <summary>PROTOCOL.md lets a pong carry details; echoing the ping's lets a client match the two.</summary>
    public static OperationMessage Pong(JsonElement? pingPayload) => new() { Type = Types.Pong, Payload = pingPayload };

    public static OperationMessage Next(string id, ExecutionResult result) => new() { Type = Types.Next, Id = id, Payload = result };

    public static OperationMessage Error(string id, IEnumerable<ExecutionError> errors) =>
        new() { Type = Types.Error, Id = id, Payload = errors.ToArray() };

    public static OperationMessage Complete(string id) => new() { Type = Types.Complete, Id = id };
}
