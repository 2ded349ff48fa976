using GraphQL.DataLoader;

namespace Troc.Graph.DataLoading;

/// <summary>
/// A per-request batch loader. Every <see cref="Load"/> made while GraphQL.NET resolves one level of the
/// document joins the pending batch; the first time any of those results is awaited, the whole batch is fetched
/// with one call to <see cref="FetchAsync"/>. Results are cached by key for the rest of the request.
/// Register subclasses as scoped services: one instance per HTTP request or WebSocket operation.
/// </summary>
public abstract class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOfKey = new();
    private Batch? _pending;

    /// <summary>Fetches every key of one batch; keys absent from the answer resolve to <see cref="Missing"/>.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    /// <summary>What a key that the fetch did not return resolves to (null, or an empty list for grouped loaders).</summary>
    protected virtual TValue? Missing => default;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOfKey.TryGetValue(key, out var batch))
            {
                batch = _pending ??= new Batch(this);
                batch.Keys.Add(key);
                _batchOfKey[key] = batch;
            }
            return new Result(batch, key);
        }
    }

    public IDataLoaderResult<TValue?[]> LoadMany(IEnumerable<TKey> keys) => DataLoaderResults.All(keys.Select(Load).ToArray());

    private sealed class Batch(BatchLoader<TKey, TValue> loader)
    {
        private Task<IReadOnlyDictionary<TKey, TValue>>? _fetch;
        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>> FetchOnceAsync(CancellationToken cancellationToken)
        {
            lock (loader._gate)
            {
                // Closing the batch here makes keys loaded from now on start the next one.
                if (loader._pending == this) loader._pending = null;
                return _fetch ??= loader.FetchAsync(Keys.ToArray(), cancellationToken);
            }
        }

        public TValue? Missing => loader.Missing;
    }

    private sealed class Result(Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.FetchOnceAsync(cancellationToken);
            return values.TryGetValue(key, out var value) ? value : batch.Missing;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}

/// <summary>A batch loader for one-to-many relations: every key resolves to a (possibly empty) list.</summary>
public abstract class GroupedBatchLoader<TKey, TItem> : BatchLoader<TKey, TItem[]> where TKey : notnull
{
    protected override TItem[] Missing => [];

    protected static IReadOnlyDictionary<TKey, TItem[]> Group(IEnumerable<TItem> items, Func<TItem, TKey> keyOf) =>
        items.GroupBy(keyOf).ToDictionary(g => g.Key, g => g.ToArray());
}
