using GraphQL.DataLoader;

namespace Troc.Graph.DataLoading;

public static class DataLoaderResults
{
    /// <summary>Transforms a loaded value without awaiting it early, so batching is preserved.</summary>
    public static IDataLoaderResult<TResult> Then<TValue, TResult>(this IDataLoaderResult<TValue> result, Func<TValue, TResult> map) =>
        new Mapped<TValue, TResult>(result, map);

    private sealed class Mapped<TValue, TResult>(IDataLoaderResult<TValue> inner, Func<TValue, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
