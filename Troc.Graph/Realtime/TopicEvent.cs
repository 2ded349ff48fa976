using System.Text.Json;
using System.Text.Json.Serialization;

namespace Troc.Graph.Realtime;

/// <summary>What travels on a topic: one serialized message, or the end of the topic.</summary>
internal readonly record struct TopicEvent(JsonElement Message, bool IsCompletion)
{
    public static readonly TopicEvent Completion = new(default, IsCompletion: true);

    public static TopicEvent ForMessage<TMessage>(TMessage message) =>
        new(JsonSerializer.SerializeToElement(message, TopicEventJson.Options), IsCompletion: false);

    public TMessage Deserialize<TMessage>() => Message.Deserialize<TMessage>(TopicEventJson.Options)!;
}

/// <summary>
/// The JSON both buses use. The in-memory bus serializes too, so that a message type that does not round-trip
/// fails in development and tests (in-memory by default) exactly as it would behind Redis in production.
/// </summary>
internal static class TopicEventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions EnvelopeOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    private static readonly byte[] CompletionPayload = JsonSerializer.SerializeToUtf8Bytes(
        new Envelope(default, Completed: true), EnvelopeOptions);

    /// <summary>
    /// The Redis payload: <c>{"message":…}</c> or <c>{"completed":true}</c>, readable in <c>redis-cli monitor</c>.
    /// </summary>
    public static byte[] ToRedisPayload<TMessage>(TMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(new MessageEnvelope<TMessage>(message), Options);

    public static byte[] ToRedisCompletionPayload() => CompletionPayload;

    /// <summary>False for anything that is not our envelope (another program publishing on the channel).</summary>
    public static bool TryReadRedisPayload(ReadOnlySpan<byte> payload, out TopicEvent topicEvent)
    {
        topicEvent = default;
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(payload, EnvelopeOptions);
        }
        catch (JsonException)
        {
            return false;
        }
        if (envelope is null) return false;
        if (envelope.Completed)
        {
            topicEvent = TopicEvent.Completion;
            return true;
        }
        if (envelope.Message.ValueKind == JsonValueKind.Undefined) return false;
        topicEvent = new TopicEvent(envelope.Message, IsCompletion: false);
        return true;
    }

    private sealed record Envelope(JsonElement Message, bool Completed);

    // Not JsonIgnore'd: a null message is a message.
    private sealed record MessageEnvelope<TMessage>(TMessage Message);
}
