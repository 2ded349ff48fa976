using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Troc.Graph.Realtime;

/// <summary>
/// Fans events out to every replica through Redis pub/sub: topic <c>t</c> is channel <c>{prefix}t</c>, and this
/// process holds one Redis subscription per topic however many local subscribers share it. Sent events come
/// back through Redis to this process's subscribers too, so every replica sees the same order.
/// </summary>
/// <remarks>
/// When the connection drops, the multiplexer reconnects and resubscribes every channel by itself; events
/// published meanwhile are lost (Redis pub/sub keeps nothing), which the catch-up arguments cover.
/// </remarks>
public sealed class RedisTopicEventBus : TopicEventBus
{
    /// <summary>The default <c>Redis:ChannelPrefix</c>, so several apps can share one Redis.</summary>
    public const string DefaultChannelPrefix = "troc:";

    private readonly ISubscriber _subscriber;

    public RedisTopicEventBus(
        IConnectionMultiplexer redis,
        ILogger<RedisTopicEventBus> logger,
        string channelPrefix = DefaultChannelPrefix,
        int subscriberBufferCapacity = DefaultSubscriberBufferCapacity)
        : base(subscriberBufferCapacity, logger)
    {
        ArgumentNullException.ThrowIfNull(channelPrefix);
        _subscriber = redis.GetSubscriber();
        ChannelPrefix = channelPrefix;
    }

    public string ChannelPrefix { get; }

    /// <summary>The Redis channel that carries <paramref name="topic"/>.</summary>
    public RedisChannel ChannelFor(string topic) => RedisChannel.Literal(ChannelPrefix + topic);

    public override async ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(topic);
        var payload = TopicEventJson.ToRedisPayload(message);
        // Cancelling stops the wait, not necessarily the publish: it may still reach subscribers.
        await _subscriber.PublishAsync(ChannelFor(topic), payload).WaitAsync(cancellationToken);
    }

    public override async ValueTask CompleteAsync(string topic, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(topic);
        await _subscriber.PublishAsync(ChannelFor(topic), TopicEventJson.ToRedisCompletionPayload()).WaitAsync(cancellationToken);
    }

    private protected override async ValueTask<IAsyncDisposable?> SubscribeUpstreamAsync(string topic, Action<TopicEvent> deliver)
    {
        // The queue form, not a handler delegate: StackExchange.Redis runs handlers concurrently, the queue in order.
        var queue = await _subscriber.SubscribeAsync(ChannelFor(topic));
        queue.OnMessage(message =>
        {
            if (TopicEventJson.TryReadRedisPayload(((ReadOnlyMemory<byte>)message.Message).Span, out var topicEvent))
                deliver(topicEvent);
            else
                Logger.LogWarning("Ignored a payload on Redis channel {Channel} that is not a Troc topic event", message.Channel.ToString());
        });
        return new ChannelUnsubscriber(queue);
    }

    private sealed class ChannelUnsubscriber(ChannelMessageQueue queue) : IAsyncDisposable
    {
        // Redis sends UNSUBSCRIBE only when this was the multiplexer's last queue or handler on the channel.
        public async ValueTask DisposeAsync() => await queue.UnsubscribeAsync();
    }
}
