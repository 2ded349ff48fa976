using System.ComponentModel;
using GraphQL.Types;
using Troc.Domain.Common;

namespace Troc.Graph.Common;

/// <summary>
/// An expected failure of a mutation (wrong password, not the owner…), returned in the payload's `errors`
/// rather than as a GraphQL error: the API's face of a domain <see cref="Violation"/>. Each concrete error is its own
/// GraphQL type implementing `Error`, declares the <see cref="ViolationKind"/> it stands for, and is made from the
/// violation by its feature's errors mapping (`ListingErrors.From`…).
/// </summary>
public abstract class UserError
{
    protected UserError(ViolationKind kind, string message) : this(kind.Code(), message) { }

    /// <summary>For an error whose code is no violation's: only the tests of the payload convention need one.</summary>
    private protected UserError(string code, string message)
    {
        Code = code;
        Message = message;
    }

    [Description("Machine-readable code, stable across releases, such as `NOT_OWNER` or `WEAK_PASSWORD`.")]
    public string Code { get; }

    [Description("Human-readable explanation, in French, fit to show to the person using the app.")]
    public string Message { get; }
}

public sealed class ErrorInterface : InterfaceGraphType<UserError>
{
    public ErrorInterface()
    {
        Name = "Error";
        Description = "An expected failure of a mutation. Every mutation payload lists them in `errors`; switch on `__typename` or `code`.";
        Field(e => e.Code).Description("Machine-readable code, stable across releases, such as `NOT_OWNER` or `WEAK_PASSWORD`.");
        Field(e => e.Message).Description("Human-readable explanation, in French, fit to show to the person using the app.");
    }
}

/// <summary>The graph type of one concrete error class; its name is the class name (`WeakPasswordError`).</summary>
public class UserErrorType<TError> : AutoRegisteringObjectGraphType<TError> where TError : UserError
{
    public UserErrorType()
    {
        Interface<ErrorInterface>();
        IsTypeOf = value => value is TError;
    }
}
