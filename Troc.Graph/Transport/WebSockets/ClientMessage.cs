using System.Text.Json;
using Types = Troc.Graph.Transport.WebSockets.TransportWsProtocol.MessageTypes;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// A message received from the client, checked against the shape PROTOCOL.md gives each type before anything acts
/// on it, so the session never has to second-guess a field.
/// </summary>
internal sealed record ClientMessage(string Type, string? Id, JsonElement? Payload)
{
    /// <summary>Parses and validates one text frame; throws <see cref="InvalidMessageException"/> with the 4400 reason.</summary>
    public static ClientMessage Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            // Clone: the payload outlives the pooled document (a pong echoes it, a subscribe reads it later).
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidMessageException("Invalid message received: not valid JSON");
        }

        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidMessageException("Invalid message received: expected a JSON object");
        if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            throw new InvalidMessageException("Invalid message received: 'type' must be a string");

        var type = typeElement.GetString()!;
        var payload = root.TryGetProperty("payload", out var payloadElement) && payloadElement.ValueKind != JsonValueKind.Null
            ? payloadElement
            : (JsonElement?)null;

        switch (type)
        {
            case Types.ConnectionInit:
            case Types.Ping:
            case Types.Pong:
                RequireObjectOrNothing(payload, type, "payload");
                return new ClientMessage(type, null, payload);

            case Types.Subscribe:
                var id = RequireId(root, type);
                if (payload is not { ValueKind: JsonValueKind.Object } request)
                    throw new InvalidMessageException("Invalid message received: 'subscribe' requires an object 'payload'");
                if (!request.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
                    throw new InvalidMessageException("Invalid message received: 'subscribe' payload requires a string 'query'");
                RequireObjectOrNothing(Property(request, "variables"), type, "variables");
                RequireObjectOrNothing(Property(request, "extensions"), type, "extensions");
                if (Property(request, "operationName") is { } operationName && operationName.ValueKind != JsonValueKind.String)
                    throw new InvalidMessageException("Invalid message received: 'operationName' must be a string or null");
                return new ClientMessage(type, id, payload);

            case Types.Complete:
                return new ClientMessage(type, RequireId(root, type), null);

            default:
                // Server-to-client types (connection_ack, next, error) are just as invalid coming from a client.
                throw new InvalidMessageException($"Invalid message received: unexpected type '{type}'");
        }
    }

    private static JsonElement? Property(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string RequireId(JsonElement root, string type)
    {
        if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } text)
            throw new InvalidMessageException($"Invalid message received: '{type}' requires a non-empty string 'id'");
        return text;
    }

    private static void RequireObjectOrNothing(JsonElement? value, string type, string name)
    {
        if (value is { ValueKind: not JsonValueKind.Object })
            throw new InvalidMessageException($"Invalid message received: '{type}' {name} must be an object or null");
    }
}

/// <summary>A message that breaks PROTOCOL.md; its message is the reason sent with close code 4400.</summary>
internal sealed class InvalidMessageException(string reason) : Exception(reason);
