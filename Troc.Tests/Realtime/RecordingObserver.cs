using System.Threading.Channels;

namespace Troc.Tests.Realtime;

/// <summary>An observer that records what a subscription delivers, for tests to await one by one.</summary>
public sealed class RecordingObserver<T>(Action<T>? onNext = null) : IObserver<T>
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly Channel<T> _received = Channel.CreateUnbounded<T>();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _completed.Task;

    public void OnNext(T value)
    {
        onNext?.Invoke(value);
        _received.Writer.TryWrite(value);
    }

    public void OnCompleted() => _completed.TrySetResult();

    public void OnError(Exception error) => _completed.TrySetException(error);

    public async Task<T> NextAsync(TimeSpan? timeout = null)
    {
        try
        {
            return await _received.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {typeof(T).Name} arrived within {(timeout ?? DefaultTimeout).TotalSeconds} s.");
        }
    }

    public async Task<List<T>> NextAsync(int count, TimeSpan? timeout = null)
    {
        var values = new List<T>(count);
        for (var i = 0; i < count; i++) values.Add(await NextAsync(timeout));
        return values;
    }

    /// <summary>What has arrived and not been taken yet, without waiting.</summary>
    public List<T> Pending()
    {
        var values = new List<T>();
        while (_received.Reader.TryRead(out var value)) values.Add(value);
        return values;
    }

    public async Task WaitForCompletionAsync(TimeSpan? timeout = null) =>
        await Completion.WaitAsync(timeout ?? DefaultTimeout);
}
