using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Troc.Graph.Transport.Execution;

/// <summary>The machine-readable codes of the execution limits, as clients see them in <c>extensions.code</c>.</summary>
public static class LimitCodes
{
    public const string DocumentTooLong = "DOCUMENT_TOO_LONG";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string TooManyFields = "TOO_MANY_FIELDS";
    public const string MaxIntrospectionDepthExceeded = "MAX_INTROSPECTION_DEPTH_EXCEEDED";
    public const string Timeout = "TIMEOUT";
}

/// <summary>
/// A request refused by one of the execution limits. It is a validation error, so the operation never executes and
/// the HTTP transport answers it like any other invalid document.
/// </summary>
public sealed class LimitExceededError : ValidationError
{
    public LimitExceededError(string code, string message) : base(message) => Code = code;

    public LimitExceededError(ROM source, string code, string message, ASTNode node)
        : base(source, null, message, node) => Code = code;
}
