using GraphQL.DataLoader;

namespace Troc.Graph.DataLoading;

public static class DataLoaderResults
{
    /// <summary>Transforms a loaded value without awaiting it early, so batching is preserved.</summary>
    public static IDataLoaderResult<TResult> Then<TValue, TResult>(this IDataLoaderResult<TValue> result, Func<TValue, TResult> map) =>
        new Mapped<TValue, TResult>(result, map);

    /// <summary>Awaits several loader results in order without dispatching any batch early; a null part gives null.</summary>
    public static IDataLoaderResult<TValue?[]> All<TValue>(IReadOnlyList<IDataLoaderResult<TValue?>?> parts) => new AllResult<TValue>(parts);

    private sealed class AllResult<TValue>(IReadOnlyList<IDataLoaderResult<TValue?>?> parts) : IDataLoaderResult<TValue?[]>
    {
        public async Task<TValue?[]> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new TValue?[parts.Count];
            for (var i = 0; i < parts.Count; i++)
                values[i] = parts[i] is { } part ? await part.GetResultAsync(cancellationToken) : default;
            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }

    private sealed class Mapped<TValue, TResult>(IDataLoaderResult<TValue> inner, Func<TValue, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
