using Microsoft.Extensions.Configuration;

namespace Troc.Graph.Realtime;

/// <summary>The realtime configuration: which bus, which Redis, how much a slow subscriber may lag.</summary>
/// <param name="RedisConfiguration"><c>Redis:Configuration</c>, a StackExchange.Redis configuration string; empty means the in-memory bus.</param>
/// <param name="ChannelPrefix"><c>Redis:ChannelPrefix</c>, prepended to every topic to name its Redis channel.</param>
/// <param name="SubscriberBufferCapacity"><c>Realtime:SubscriberBufferCapacity</c>, pending events per subscriber before the oldest are dropped.</param>
public sealed record RealtimeSettings(string? RedisConfiguration, string ChannelPrefix, int SubscriberBufferCapacity)
{
    public bool UsesRedis => !string.IsNullOrWhiteSpace(RedisConfiguration);

    public static RealtimeSettings From(IConfiguration configuration)
    {
        var capacity = configuration.GetValue("Realtime:SubscriberBufferCapacity", TopicEventBus.DefaultSubscriberBufferCapacity);
        if (capacity < 1)
            throw new InvalidOperationException($"Realtime:SubscriberBufferCapacity must be at least 1 (it is {capacity}).");
        return new RealtimeSettings(
            configuration["Redis:Configuration"],
            configuration["Redis:ChannelPrefix"] ?? RedisTopicEventBus.DefaultChannelPrefix,
            capacity);
    }
}
