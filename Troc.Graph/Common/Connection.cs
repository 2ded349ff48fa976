using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Troc.Graph.Common;

/// <summary>One page of a Relay cursor connection.</summary>
public sealed record Connection<TNode>(IReadOnlyList<Edge<TNode>> Edges, PageInfo PageInfo, int TotalCount)
{
    public IEnumerable<TNode> Nodes => Edges.Select(e => e.Node);
}

public sealed record Edge<TNode>(string Cursor, TNode Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>The `first/after`, `last/before` arguments of a connection field, validated.</summary>
public sealed record PageRequest(int Size, bool Backward, string? After, string? Before)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static PageRequest From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        if (first is not null && last is not null)
            throw new ExecutionError("Use `first` or `last`, not both.") { Code = RequestErrorCodes.PaginationInvalid };
        var size = first ?? last ?? DefaultSize;
        if (size is < 0 or > MaxSize)
            throw new ExecutionError($"`{(first is not null ? "first" : "last")}` must be between 0 and {MaxSize}.") { Code = RequestErrorCodes.PaginationInvalid };
        return new PageRequest(size, last is not null, after, before);
    }

    /// <summary>
    /// Slices an already ordered, in-memory sequence. For small bounded lists only; growing lists page in SQL
    /// with keyset cursors.
    /// </summary>
    public Connection<TNode> Slice<TNode>(IReadOnlyList<TNode> all, Func<TNode, string> cursorOf)
    {
        var start = 0;
        var end = all.Count;
        if (After is not null) start = IndexAfter(all, cursorOf, After) ?? throw InvalidCursor("after");
        if (Before is not null) end = IndexOf(all, cursorOf, Before) ?? throw InvalidCursor("before");
        if (end < start) end = start;
        int from = start, to = end;
        if (Backward) from = Math.Max(start, end - Size);
        else to = Math.Min(end, start + Size);
        var edges = new List<Edge<TNode>>(to - from);
        for (var i = from; i < to; i++) edges.Add(new Edge<TNode>(cursorOf(all[i]), all[i]));
        var pageInfo = new PageInfo(
            HasNextPage: to < end,
            HasPreviousPage: from > start,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<TNode>(edges, pageInfo, all.Count);
    }

    /// <summary>
    /// Slices ordered keys (a bounded list, as for <see cref="Slice{TNode}"/>), then loads just that page's nodes in one
    /// batch; a key whose node has gone since is left out of the page.
    /// </summary>
    public async Task<Connection<TNode>> SliceAndLoadAsync<TKey, TNode>(
        IReadOnlyList<TKey> orderedKeys, Func<TKey, string> cursorOf, DataLoading.BatchLoader<TKey, TNode> loader, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var keys = Slice(orderedKeys, cursorOf);
        var nodes = await loader.LoadMany(keys.Nodes).GetResultAsync(cancellationToken);
        var edges = keys.Edges.Zip(nodes)
            .Where(pair => pair.Second is not null)
            .Select(pair => new Edge<TNode>(pair.First.Cursor, pair.Second!))
            .ToList();
        return new Connection<TNode>(edges, keys.PageInfo, keys.TotalCount);
    }

    private static int? IndexOf<TNode>(IReadOnlyList<TNode> all, Func<TNode, string> cursorOf, string cursor)
    {
        for (var i = 0; i < all.Count; i++)
            if (cursorOf(all[i]) == cursor) return i;
        return null;
    }

    private static int? IndexAfter<TNode>(IReadOnlyList<TNode> all, Func<TNode, string> cursorOf, string cursor) =>
        IndexOf(all, cursorOf, cursor) + 1;

    public static ExecutionError InvalidCursor(string argument) =>
        new($"`{argument}` is not a cursor of this connection.") { Code = RequestErrorCodes.PaginationInvalid };
}

/// <summary>`{Node}Connection`: Relay's connection type with `edges`, `nodes`, `pageInfo` and `totalCount`.</summary>
public sealed class ConnectionType<TNodeType, TNode> : ObjectGraphType<Connection<TNode>> where TNodeType : IGraphType
{
    public ConnectionType()
    {
        var nodeName = typeof(TNodeType).Name.EndsWith("Type", StringComparison.Ordinal) ? typeof(TNodeType).Name[..^4] : typeof(TNodeType).Name;
        Name = nodeName + "Connection";
        Description = $"A page of {nodeName} objects, with cursors to fetch the pages around it.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType, TNode>>>>>("edges")
            .Description("The objects of this page, each with its cursor.")
            .Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The objects of this page, without cursors: a shortcut for `edges { node }`.")
            .Resolve(context => context.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Where this page stands: whether there is more, and the cursors at its ends.")
            .Resolve(context => context.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many objects the whole connection holds, across all pages.")
            .Resolve(context => context.Source.TotalCount);
    }
}

public sealed class EdgeType<TNodeType, TNode> : ObjectGraphType<Edge<TNode>> where TNodeType : IGraphType
{
    public EdgeType()
    {
        var nodeName = typeof(TNodeType).Name.EndsWith("Type", StringComparison.Ordinal) ? typeof(TNodeType).Name[..^4] : typeof(TNodeType).Name;
        Name = nodeName + "Edge";
        Description = $"One {nodeName} of a connection page and its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Opaque position of this edge; pass it as `after` or `before` to page from here.")
            .Resolve(context => context.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node")
            .Description($"The {nodeName}.")
            .Resolve(context => context.Source.Node);
    }
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Relay page information: whether more pages exist and the cursors at this page's ends.";
        Field(p => p.HasNextPage).Description("True when more objects follow this page (fetch them with `first` and `after: endCursor`).");
        Field(p => p.HasPreviousPage).Description("True when objects precede this page (fetch them with `last` and `before: startCursor`).");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first edge of this page; null when the page is empty.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last edge of this page; null when the page is empty.");
    }
}

public static class ConnectionFieldExtensions
{
    /// <summary>Adds the four standard Relay paging arguments, with descriptions, to a connection field.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", $"Returns the first n objects after `after` (0–{PageRequest.MaxSize}, default {PageRequest.DefaultSize}).")
            .Argument<StringGraphType>("after", "Returns objects after this cursor.")
            .Argument<IntGraphType>("last", $"Returns the last n objects before `before` (0–{PageRequest.MaxSize}).")
            .Argument<StringGraphType>("before", "Returns objects before this cursor.");
}
