using Troc.Graph.DataLoading;

namespace Troc.Tests.DataLoading;

public sealed class BatchLoaderTests
{
    private sealed class SquareLoader : BatchLoader<int, string>
    {
        public List<int[]> Batches { get; } = [];

        protected override Task<IReadOnlyDictionary<int, string>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Batches.Add(keys.ToArray());
            // Negative keys "do not exist".
            IReadOnlyDictionary<int, string> found = keys.Where(k => k >= 0).ToDictionary(k => k, k => (k * k).ToString());
            return Task.FromResult(found);
        }
    }

    private sealed class ChildrenLoader : GroupedBatchLoader<int, int>
    {
        protected override Task<IReadOnlyDictionary<int, int[]>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
            Task.FromResult(Group(keys.Where(k => k > 0).SelectMany(k => new[] { k * 10, k * 10 + 1 }), child => child / 10));
    }

    [Fact]
    public async Task Loads_made_before_the_first_await_are_fetched_in_one_batch_without_duplicate_keys()
    {
        var loader = new SquareLoader();
        var results = new[] { loader.Load(2), loader.Load(3), loader.Load(2), loader.Load(-1) };

        var values = new List<string?>();
        foreach (var result in results) values.Add(await result.GetResultAsync());

        Assert.Equal(["4", "9", "4", null], values);
        var batch = Assert.Single(loader.Batches);
        Assert.Equal([2, 3, -1], batch);
    }

    [Fact]
    public async Task Keys_loaded_after_a_batch_was_dispatched_start_a_new_batch_and_cached_keys_are_not_fetched_again()
    {
        var loader = new SquareLoader();
        Assert.Equal("4", await loader.Load(2).GetResultAsync());

        var again = loader.Load(2);
        var next = loader.Load(5);

        Assert.Equal("4", await again.GetResultAsync());
        Assert.Equal("25", await next.GetResultAsync());
        Assert.Equal(2, loader.Batches.Count);
        Assert.Equal([5], loader.Batches[1]);
    }

    [Fact]
    public async Task Grouped_loader_gives_an_empty_list_for_a_key_without_items()
    {
        var loader = new ChildrenLoader();
        var withChildren = loader.Load(4);
        var without = loader.Load(0);

        var children = await withChildren.GetResultAsync();
        var none = await without.GetResultAsync();

        Assert.Equal(new[] { 40, 41 }, children);
        Assert.Empty(none!);
    }

    [Fact]
    public async Task LoadMany_keeps_the_order_of_its_keys()
    {
        var loader = new SquareLoader();
        var values = await loader.LoadMany([3, 1, -7]).GetResultAsync();

        Assert.Equal(new[] { "9", "1", null }, values);
        Assert.Single(loader.Batches);
    }
}
