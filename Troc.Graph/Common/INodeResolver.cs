using GraphQL.DataLoader;

namespace Troc.Graph.Common;

/// <summary>Fetches one kind of node by its decoded key for `node(id)`; registered once per node type.</summary>
public interface INodeResolver
{
    /// <summary>The GraphQL type name encoded in the global ids this resolver understands.</summary>
    string TypeName { get; }

    /// <summary>Loads the node with this key through a batch loader, or null when it does not exist or <paramref name="viewer"/> may not see it.</summary>
    IDataLoaderResult<object?>? Resolve(IServiceProvider services, string key, System.Security.Claims.ClaimsPrincipal? viewer);
}
