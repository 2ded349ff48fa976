using System.Collections.Concurrent;
using Troc.Graph.DataLoading;

namespace Troc.Tests.Transport.WebSockets.TestSchema;

/// <summary>Emits 1..n on a background thread, then completes; stops early when unsubscribed.</summary>
public sealed class CountingObservable(int upTo) : IObservable<CounterEvent>
{
    public IDisposable Subscribe(IObserver<CounterEvent> observer)
    {
        var subscription = new CancellationTokenSource();
        _ = Task.Run(() =>
        {
            for (var value = 1; value <= upTo && !subscription.IsCancellationRequested; value++)
                observer.OnNext(new CounterEvent(value));
            if (!subscription.IsCancellationRequested) observer.OnCompleted();
        });
        return new Unsubscriber(subscription.Cancel);
    }
}

/// <summary>
/// Never-ending tick streams, one per label, that record whether anyone is still subscribed, so tests can see
/// the transport dispose a subscription (on the client's complete, on disconnect).
/// </summary>
public sealed class TickSource
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _unsubscribed = new();
    private readonly ConcurrentDictionary<string, int> _active = new();

    public IObservable<Tick> Observe(string label) => new TickObservable(this, label);

    public int ActiveSubscriptions(string label) => _active.GetValueOrDefault(label);

    /// <summary>Completes once every subscription to the label has been disposed (after at least one existed).</summary>
    public Task Unsubscribed(string label) => _unsubscribed.GetOrAdd(label, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private sealed class TickObservable(TickSource source, string label) : IObservable<Tick>
    {
        public IDisposable Subscribe(IObserver<Tick> observer)
        {
            source._active.AddOrUpdate(label, 1, (_, count) => count + 1);
            var stop = new CancellationTokenSource();
            _ = Task.Run(async () =>
            {
                // One loop, so events never overlap: observers may assume calls one at a time.
                try
                {
                    for (var number = 1; ; number++)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(20), stop.Token);
                        observer.OnNext(new Tick(label, number));
                    }
                }
                catch (OperationCanceledException)
                {
                    // Unsubscribed.
                }
            });
            var disposed = 0;
            return new Unsubscriber(() =>
            {
                if (Interlocked.Exchange(ref disposed, 1) != 0) return;
                stop.Cancel();
                if (source._active.AddOrUpdate(label, 0, (_, count) => count - 1) == 0)
                    source._unsubscribed.GetOrAdd(label, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            });
        }
    }
}

public sealed class Unsubscriber(Action unsubscribe) : IDisposable
{
    public void Dispose() => unsubscribe();
}

/// <summary>Queries that hang until cancelled, so tests can watch a cancellation reach a running resolver.</summary>
public sealed class PendingQueries
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _cancelled = new();

    public Task Started(string label) => Signal(_started, label).Task;

    public Task Cancelled(string label) => Signal(_cancelled, label).Task;

    public async Task<object?> WaitUntilCancelledAsync(string label, CancellationToken cancellationToken)
    {
        Signal(_started, label).TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            Signal(_cancelled, label).TrySetResult();
        }
        return null;
    }

    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string label) =>
        signals.GetOrAdd(label, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

public sealed class RunningTotal
{
    private int _total;

    public int Add(int amount) => Interlocked.Add(ref _total, amount);
}

/// <summary>Counts scoped markers created and disposed: every scope a transport opens must be closed.</summary>
public sealed class ScopeLedger
{
    private int _created;
    private int _disposed;

    public int Created => Volatile.Read(ref _created);

    public int Disposed => Volatile.Read(ref _disposed);

    public void OnCreated() => Interlocked.Increment(ref _created);

    public void OnDisposed() => Interlocked.Increment(ref _disposed);
}

/// <summary>A scoped service whose id tells which DI scope a field was resolved in.</summary>
public sealed class ScopeMarker : IDisposable
{
    private readonly ScopeLedger _ledger;

    public ScopeMarker(ScopeLedger ledger)
    {
        _ledger = ledger;
        ledger.OnCreated();
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public void Dispose() => _ledger.OnDisposed();
}

/// <summary>A real (scoped) batch loader that answers with its own instance id: shared loaders would show.</summary>
public sealed class LoaderInstanceById : BatchLoader<int, string>
{
    private readonly string _instanceId = Guid.NewGuid().ToString("N");

    protected override Task<IReadOnlyDictionary<int, string>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(key => key, _ => _instanceId));
}
