using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Troc.Graph.Realtime;

/// <summary>
/// One subscriber of one topic: a bounded buffer filled by the bus and drained by its own pump into a single
/// observer, so a slow observer only ever delays itself.
/// </summary>
internal sealed class TopicSubscription<TMessage> : IObservable<TMessage>, ITopicListener, IDisposable, IAsyncDisposable
{
    private readonly TopicEventBus _bus;
    private readonly LocalTopic _topic;
    private readonly ILogger _logger;
    private readonly Channel<TopicEvent> _buffer;
    private readonly int _bufferCapacity;
    private readonly CancellationTokenSource _stopped = new();
    private readonly TaskCompletionSource _releaseDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _observed;
    private int _released;
    private long _dropped;

    public TopicSubscription(TopicEventBus bus, LocalTopic topic, int bufferCapacity, ILogger logger)
    {
        _bus = bus;
        _topic = topic;
        _logger = logger;
        _bufferCapacity = bufferCapacity;
        _buffer = Channel.CreateBounded<TopicEvent>(
            new BoundedChannelOptions(bufferCapacity)
            {
                // Dropping the oldest keeps a lagging client as current as possible; events are ids, and the
                // catch-up arguments of our subscriptions let a client fetch what it missed.
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            OnDropped);
    }

    public IDisposable Subscribe(IObserver<TMessage> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ObjectDisposedException.ThrowIf(_stopped.IsCancellationRequested, this);
        if (Interlocked.Exchange(ref _observed, 1) == 1)
            throw new InvalidOperationException(
                $"This subscription of topic '{_topic.Name}' already has an observer; subscribe to the topic again for another one.");
        _ = Task.Run(() => PumpAsync(observer));
        return this;
    }

    void ITopicListener.Deliver(TopicEvent topicEvent)
    {
        if (topicEvent.IsCompletion)
        {
            // The pump drains what is buffered, then completes the observer.
            _buffer.Writer.TryComplete();
            Release();
            return;
        }
        _buffer.Writer.TryWrite(topicEvent);
    }

    private async Task PumpAsync(IObserver<TMessage> observer)
    {
        var reader = _buffer.Reader;
        var stopped = _stopped.Token;
        try
        {
            while (await reader.WaitToReadAsync(stopped))
            {
                while (!stopped.IsCancellationRequested && reader.TryRead(out var topicEvent))
                {
                    if (TryDeserialize(topicEvent, out var message)) observer.OnNext(message);
                }
            }
            if (!stopped.IsCancellationRequested) observer.OnCompleted();
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            // Disposed: an observer gets no notification after it unsubscribed.
        }
        catch (Exception exception)
        {
            // The observer threw. Its stream cannot continue in order, so end it rather than skip silently.
            _logger.LogError(exception, "A subscriber of topic {Topic} failed; its subscription ends", _topic.Name);
        }
        finally
        {
            Release();
        }
    }

    private bool TryDeserialize(TopicEvent topicEvent, out TMessage message)
    {
        try
        {
            message = topicEvent.Deserialize<TMessage>();
            return true;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            _logger.LogError(exception, "Skipped an event of topic {Topic} that is not a {MessageType}: {Payload}",
                _topic.Name, typeof(TMessage).Name, topicEvent.Message.GetRawText());
            message = default!;
            return false;
        }
    }

    private void OnDropped(TopicEvent dropped)
    {
        var count = Interlocked.Increment(ref _dropped);
        // One line for the first drop, then one per thousand: a stuck client must not flood the log.
        if (count == 1 || count % 1000 == 0)
            _logger.LogWarning(
                "A subscriber of topic {Topic} is too slow: {DroppedCount} event(s) dropped so far, oldest first (buffer {Capacity})",
                _topic.Name, count, _bufferCapacity);
    }

    public void Dispose()
    {
        _stopped.Cancel();
        Release();
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        // Whoever released first (this call, completion, or the pump), wait for the upstream unsubscribe.
        await _releaseDone.Task;
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        _topic.Remove(this);
        _buffer.Writer.TryComplete();
        _ = ReleaseUpstreamAsync();
    }

    private async Task ReleaseUpstreamAsync()
    {
        await _bus.ReleaseAsync(_topic);
        _releaseDone.SetResult();
    }
}
