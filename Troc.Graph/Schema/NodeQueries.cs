using System.ComponentModel;
using GraphQL;
using GraphQL.DataLoader;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;

namespace Troc.Graph.Schema;

/// <summary>Relay's refetch entry points.</summary>
public sealed class NodeQueries
{
    /// <summary>Fetches any object by its global id; null when it does not exist or is not visible to you.</summary>
    [GraphQLMetadata("node")]
    [Description("Fetches any object by its global id; null when it does not exist or is not visible to you.")]
    [OutputType(typeof(NodeInterface))]
    public static IDataLoaderResult<object?>? Node(
        [Id, Description("The object's global id, as returned in its `id` field.")] string id,
        [FromServices] IEnumerable<INodeResolver> resolvers,
        [FromServices] IServiceProvider services,
        IResolveFieldContext context) => Resolve(id, resolvers, services, context);

    /// <summary>Fetches several objects by global id, in the same order; null for each that does not exist.</summary>
    [GraphQLMetadata("nodes")]
    [Description("Fetches several objects by global id, in the order given; an entry is null when that object does not exist or is not visible to you.")]
    [OutputType(typeof(GraphQL.Types.NonNullGraphType<GraphQL.Types.ListGraphType<NodeInterface>>))]
    public static IDataLoaderResult<object?[]> Nodes(
        [Id, Description("Global ids, at most 100.")] string[] ids,
        [FromServices] IEnumerable<INodeResolver> resolvers,
        [FromServices] IServiceProvider services,
        IResolveFieldContext context)
    {
        if (ids.Length > 100)
            throw new ExecutionError("`nodes` accepts at most 100 ids.") { Code = RequestErrorCodes.TooManyIds };
        var results = ids.Select(id => Resolve(id, resolvers, services, context)).ToArray();
        return DataLoaderResults.All(results);
    }

    private static IDataLoaderResult<object?>? Resolve(string id, IEnumerable<INodeResolver> resolvers, IServiceProvider services, IResolveFieldContext context)
    {
        if (!GlobalId.TryDecode(id, out var typeName, out var key)) return null;
        var resolver = resolvers.FirstOrDefault(r => r.TypeName == typeName);
        return resolver?.Resolve(services, key, context.User);
    }
}
