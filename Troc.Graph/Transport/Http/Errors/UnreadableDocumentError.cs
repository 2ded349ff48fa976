using GraphQL.Execution;
using GraphQLParser.Exceptions;

namespace Troc.Graph.Transport.Http.Errors;

/// <summary>A document the parser gave up on without a syntax error (nested beyond its depth limit).</summary>
public sealed class UnreadableDocumentError : DocumentError
{
    public UnreadableDocumentError(GraphQLParserException exception)
        : base($"The document cannot be parsed: {exception.Description}")
    {
        Code = "SYNTAX_ERROR";
    }
}
