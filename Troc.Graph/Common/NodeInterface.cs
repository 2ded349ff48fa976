using GraphQL.Types;

namespace Troc.Graph.Common;

/// <summary>The Relay `Node` interface: anything with a global id that `node(id)` can fetch again.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a globally unique, opaque id that `node(id:)` and `nodes(ids:)` can fetch again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Globally unique, opaque identifier of this object.");
    }
}
