namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// The bookkeeping of one <c>subscribe</c> id: whether it may still send, its cancellation, and its event stream
/// subscription. Once finished (by its last message, the client's <c>complete</c>, or the socket closing) nothing
/// more is sent for it: the check and the enqueue happen under one lock, so a message can never slip out after a
/// stop and be mistaken for one of a later operation that reuses the id.
/// </summary>
internal sealed class SocketOperation : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancellation;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _subscription;
    private bool _finished;

    public SocketOperation(string id, CancellationToken socketClosing)
    {
        Id = id;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(socketClosing);
    }

    public string Id { get; }

    /// <summary>Cancelled when the client completes the operation or the socket closes.</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    /// <summary>Completes when the operation has sent its last message or was stopped.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Runs <paramref name="deliver"/> (which enqueues a message) unless the operation has finished.</summary>
    public bool TryDeliver(Action deliver)
    {
        lock (_gate)
        {
            if (_finished) return false;
            deliver();
            return true;
        }
    }

    /// <summary>Runs <paramref name="deliverLast"/> (which enqueues the last message) and finishes the operation.</summary>
    public bool TryFinish(Action deliverLast)
    {
        lock (_gate)
        {
            if (_finished) return false;
            _finished = true;
            deliverLast();
        }
        _ended.TrySetResult();
        return true;
    }

    /// <summary>Stops without a word to the client: its <c>complete</c>, or the socket is gone.</summary>
    public void Stop()
    {
        lock (_gate) _finished = true;
        _ended.TrySetResult();
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ran to its end and cleaned up: nothing left to cancel.
        }
        finally
        {
            DisposeSubscription();
        }
    }

    /// <summary>Keeps the event stream subscription so that a stop can dispose it; disposes it at once if already stopped.</summary>
    public void Attach(IDisposable subscription)
    {
        lock (_gate)
        {
            if (!_finished)
            {
                _subscription = subscription;
                return;
            }
        }
        subscription.Dispose();
    }

    public void DisposeSubscription() => Interlocked.Exchange(ref _subscription, null)?.Dispose();

    public void Dispose()
    {
        DisposeSubscription();
        _cancellation.Dispose();
    }
}
