using Troc.Graph.Common;

namespace Troc.Tests.Schema;

public sealed class PageRequestTests
{
    private static readonly string[] Letters = ["a", "b", "c", "d", "e"];

    [Fact]
    public void Forward_pages_follow_each_other_without_holes_or_duplicates()
    {
        var first = new PageRequest(2, false, null, null).Slice(Letters, s => s);
        var second = new PageRequest(2, false, first.PageInfo.EndCursor, null).Slice(Letters, s => s);
        var third = new PageRequest(2, false, second.PageInfo.EndCursor, null).Slice(Letters, s => s);

        Assert.Equal(["a", "b", "c", "d", "e"], first.Nodes.Concat(second.Nodes).Concat(third.Nodes));
        Assert.True(first.PageInfo.HasNextPage);
        Assert.False(first.PageInfo.HasPreviousPage);
        Assert.False(third.PageInfo.HasNextPage);
        Assert.Equal(5, third.TotalCount);
    }

    [Fact]
    public void Backward_pages_end_before_the_cursor()
    {
        var page = new PageRequest(2, true, null, "d").Slice(Letters, s => s);

        Assert.Equal(["b", "c"], page.Nodes);
        Assert.True(page.PageInfo.HasPreviousPage);
        Assert.Equal("b", page.PageInfo.StartCursor);
    }

    [Fact]
    public void An_empty_page_has_no_cursors()
    {
        var page = new PageRequest(0, false, null, null).Slice(Letters, s => s);

        Assert.Empty(page.Edges);
        Assert.Null(page.PageInfo.StartCursor);
        Assert.True(page.PageInfo.HasNextPage);
    }

    [Fact]
    public void An_unknown_cursor_is_a_coded_error()
    {
        var error = Assert.Throws<GraphQL.ExecutionError>(() => new PageRequest(2, false, "zzz", null).Slice(Letters, s => s));
        Assert.Equal("PAGINATION_INVALID", error.Code);
    }
}
