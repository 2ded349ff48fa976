using System.Linq.Expressions;
using GraphQL.Types;

namespace Troc.Graph.Common;

/// <summary>
/// Base of every graph type that implements `Node`: auto-registers the entity's public members (minus the
/// excluded ones) and replaces its internal key with the opaque global `id`.
/// </summary>
public abstract class NodeGraphType<TEntity> : AutoRegisteringObjectGraphType<TEntity> where TEntity : class
{
    protected NodeGraphType(string typeName, Func<TEntity, object> key, params Expression<Func<TEntity, object?>>[] excludedMembers)
        : base(excludedMembers)
    {
        Name = typeName;
        Interface<NodeInterface>();
        IsTypeOf = value => value is TEntity;
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Globally unique, opaque identifier of this object.")
            .Resolve(context => GlobalId.Encode(typeName, key(context.Source)));
    }
}
