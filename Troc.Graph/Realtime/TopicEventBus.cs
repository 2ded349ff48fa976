using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Troc.Graph.Realtime;

/// <summary>
/// What the in-memory and Redis buses share: the subscribers of this process, grouped by topic, and the
/// lifecycle of each topic's upstream subscription (nothing in memory, a Redis channel otherwise): subscribed
/// when a topic's first local subscriber arrives, unsubscribed when its last one leaves.
/// </summary>
public abstract class TopicEventBus : ITopicEventSender, ITopicEventReceiver, IAsyncDisposable
{
    /// <summary>Events one subscriber may have pending before the oldest are dropped.</summary>
    public const int DefaultSubscriberBufferCapacity = 256;

    private readonly ConcurrentDictionary<string, LocalTopic> _topics = new(StringComparer.Ordinal);
    private readonly int _subscriberBufferCapacity;
    private int _disposed;

    private protected TopicEventBus(int subscriberBufferCapacity, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(subscriberBufferCapacity, 1);
        _subscriberBufferCapacity = subscriberBufferCapacity;
        Logger = logger;
    }

    protected ILogger Logger { get; }

    public abstract ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default);

    public abstract ValueTask CompleteAsync(string topic, CancellationToken cancellationToken = default);

    public async ValueTask<IObservable<TMessage>> SubscribeAsync<TMessage>(string topic, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(topic);
        while (true)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
            var localTopic = _topics.GetOrAdd(topic, static name => new LocalTopic(name));
            await localTopic.Gate.WaitAsync(cancellationToken);
            try
            {
                // Its last subscriber left while we waited, and it is gone from _topics: start a fresh one.
                if (localTopic.IsRetired) continue;
                if (localTopic.SubscriberCount == 0)
                {
                    try
                    {
                        localTopic.Upstream = await SubscribeUpstreamAsync(topic, localTopic.Deliver);
                    }
                    catch
                    {
                        localTopic.IsRetired = true;
                        _topics.TryRemove(new KeyValuePair<string, LocalTopic>(topic, localTopic));
                        throw;
                    }
                }
                localTopic.SubscriberCount++;
                var subscription = new TopicSubscription<TMessage>(this, localTopic, _subscriberBufferCapacity, Logger);
                localTopic.Add(subscription);
                return subscription;
            }
            finally
            {
                localTopic.Gate.Release();
            }
        }
    }

    /// <summary>Subscribers of <paramref name="topic"/> in this process (diagnostics and tests).</summary>
    public int LocalSubscriberCount(string topic) =>
        _topics.TryGetValue(topic, out var localTopic) ? localTopic.ListenerCount : 0;

    /// <summary>
    /// Starts receiving <paramref name="topic"/> from outside this process and hands each event to
    /// <paramref name="deliver"/>, in order. Returns what stops it, or null when there is no outside.
    /// </summary>
    private protected abstract ValueTask<IAsyncDisposable?> SubscribeUpstreamAsync(string topic, Action<TopicEvent> deliver);

    /// <summary>Hands an event to this process's subscribers of <paramref name="topic"/>, without waiting for any.</summary>
    private protected void DeliverLocally(string topic, TopicEvent topicEvent)
    {
        if (_topics.TryGetValue(topic, out var localTopic)) localTopic.Deliver(topicEvent);
    }

    protected void ThrowIfInvalid(string topic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
    }

    /// <summary>Called once per subscription, when it ends (disposed, completed, or its observer failed).</summary>
    internal async Task ReleaseAsync(LocalTopic localTopic)
    {
        // Never throws: it runs fire-and-forget from IDisposable.Dispose.
        try
        {
            await localTopic.Gate.WaitAsync();
            try
            {
                if (localTopic.IsRetired || --localTopic.SubscriberCount > 0) return;
                // Upstream first, then retire: a subscriber arriving meanwhile waits on this gate and then
                // subscribes afresh, never racing this unsubscribe on the same Redis channel.
                await StopUpstreamAsync(localTopic);
                localTopic.IsRetired = true;
                _topics.TryRemove(new KeyValuePair<string, LocalTopic>(localTopic.Name, localTopic));
            }
            finally
            {
                localTopic.Gate.Release();
            }
        }
        catch (Exception exception)
        {
            Logger.LogError(exception, "Could not release a subscription of topic {Topic}", localTopic.Name);
        }
    }

    private async Task StopUpstreamAsync(LocalTopic localTopic)
    {
        var upstream = localTopic.Upstream;
        localTopic.Upstream = null;
        if (upstream is null) return;
        try
        {
            await upstream.DisposeAsync();
        }
        catch (Exception exception)
        {
            Logger.LogWarning(exception, "Could not unsubscribe topic {Topic} upstream", localTopic.Name);
        }
    }

    /// <summary>Completes every local subscriber (their GraphQL streams end cleanly) and stops all upstream subscriptions.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        foreach (var localTopic in _topics.Values)
        {
            await localTopic.Gate.WaitAsync();
            try
            {
                if (localTopic.IsRetired) continue;
                await StopUpstreamAsync(localTopic);
                localTopic.IsRetired = true;
                _topics.TryRemove(new KeyValuePair<string, LocalTopic>(localTopic.Name, localTopic));
            }
            finally
            {
                localTopic.Gate.Release();
            }
            localTopic.Deliver(TopicEvent.Completion);
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Receives a topic's events in this process: one per subscription.</summary>
internal interface ITopicListener
{
    /// <summary>Must not block: it runs on the sender's thread (in memory) or Redis's message loop.</summary>
    void Deliver(TopicEvent topicEvent);
}

/// <summary>One topic's subscribers in this process.</summary>
internal sealed class LocalTopic(string name)
{
    private ITopicListener[] _listeners = [];
    private readonly Lock _listenersLock = new();

    public string Name { get; } = name;

    /// <summary>Serializes subscribe/unsubscribe of this topic, which await Redis.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    // The fields below change only under Gate.
    public int SubscriberCount { get; set; }

    public IAsyncDisposable? Upstream { get; set; }

    public bool IsRetired { get; set; }

    public int ListenerCount => Volatile.Read(ref _listeners).Length;

    public void Add(ITopicListener listener)
    {
        lock (_listenersLock) _listeners = [.. _listeners, listener];
    }

    /// <summary>Immediate, outside the gate: a disposed subscription gets nothing more even while Redis is slow to unsubscribe.</summary>
    public void Remove(ITopicListener listener)
    {
        lock (_listenersLock) _listeners = Array.FindAll(_listeners, l => !ReferenceEquals(l, listener));
    }

    public void Deliver(TopicEvent topicEvent)
    {
        // Copy-on-write array: senders never take a lock and never see a half-updated list.
        foreach (var listener in Volatile.Read(ref _listeners)) listener.Deliver(topicEvent);
    }
}
