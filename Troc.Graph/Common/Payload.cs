using GraphQL.Types;

namespace Troc.Graph.Common;

/// <summary>Base of every mutation payload: the changed object(s) as properties of the subclass, plus `errors`.</summary>
public abstract class Payload
{
    protected Payload(IReadOnlyList<UserError>? errors) => Errors = errors ?? [];

    /// <summary>Expected failures; empty when the mutation succeeded.</summary>
    public IReadOnlyList<UserError> Errors { get; }
}

/// <summary>
/// The graph type of a mutation payload: auto-registers the payload's properties and types its `errors` as a
/// union of exactly the errors this mutation can return, named `{Mutation}Error` (HotChocolate's convention).
/// </summary>
public abstract class PayloadType<TPayload> : AutoRegisteringObjectGraphType<TPayload> where TPayload : Payload
{
    protected PayloadType(string description, params Type[] errorTypes) : base(p => p.Errors)
    {
        Description = description;
        var mutationName = Name.EndsWith("Payload", StringComparison.Ordinal) ? Name[..^"Payload".Length] : Name;
        var union = new UnionGraphType
        {
            Name = mutationName + "Error",
            Description = $"The errors that `{char.ToLowerInvariant(mutationName[0])}{mutationName[1..]}` can return.",
        };
        foreach (var errorType in errorTypes)
            union.Type(typeof(UserErrorType<>).MakeGenericType(errorType));
        // A union needs members: a mutation that cannot fail in an expected way lists plain `Error`s (always empty),
        // so that every payload still has the same shape.
        IGraphType errorsItemType = errorTypes.Length > 0 ? union : new GraphQLTypeReference("Error");
        Field("errors", new NonNullGraphType(new ListGraphType(new NonNullGraphType(errorsItemType))))
            .Description("Expected failures, each with a `code`; empty when the mutation succeeded and nothing to report.")
            .Resolve(context => context.Source.Errors);
    }
}
