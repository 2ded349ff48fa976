using Microsoft.Extensions.Logging;

namespace Troc.Graph.Realtime;

/// <summary>
/// The bus of a single process: the default when no Redis is configured (development, tests, one machine).
/// Subscribers in other processes never see its events.
/// </summary>
public sealed class InMemoryTopicEventBus(ILogger<InMemoryTopicEventBus> logger, int subscriberBufferCapacity = TopicEventBus.DefaultSubscriberBufferCapacity)
    : TopicEventBus(subscriberBufferCapacity, logger)
{
    public override ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(topic);
        cancellationToken.ThrowIfCancellationRequested();
        DeliverLocally(topic, TopicEvent.ForMessage(message));
        return ValueTask.CompletedTask;
    }

    public override ValueTask CompleteAsync(string topic, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(topic);
        cancellationToken.ThrowIfCancellationRequested();
        DeliverLocally(topic, TopicEvent.Completion);
        return ValueTask.CompletedTask;
    }

    private protected override ValueTask<IAsyncDisposable?> SubscribeUpstreamAsync(string topic, Action<TopicEvent> deliver) =>
        ValueTask.FromResult<IAsyncDisposable?>(null);
}
