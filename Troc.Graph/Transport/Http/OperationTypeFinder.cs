using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Troc.Graph.Transport.Http.Errors;

namespace Troc.Graph.Transport.Http;

/// <summary>
/// The transport must know an operation's type before running it (no mutation over GET, no subscription over
/// HTTP), even when the schema has no Mutation type at all, so it reads the type from the document itself.
/// </summary>
public static class OperationTypeFinder
{
    /// <summary>
    /// The type of the operation that would run; null when the document names no such operation (the executor
    /// reports that). A document this parser cannot read is never handed on: the engine's parser could be
    /// configured differently (a deeper depth limit) and read a mutation that was never checked.
    /// </summary>
    public static OperationLookup Find(string query, string? operationName)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException exception)
        {
            return new OperationLookup(null, new SyntaxError(exception));
        }
        catch (GraphQLParserException exception)
        {
            return new OperationLookup(null, new UnreadableDocumentError(exception));
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(candidate => candidate.Name?.StringValue == operationName);
        return new OperationLookup(operation?.Operation, null);
    }

    /// <summary>
    /// Parsing twice costs little but not nothing: an operation of that type must spell its keyword, so a document
    /// without the word cannot be one.
    /// </summary>
    public static bool MayBe(string query, OperationType type) => type switch
    {
        OperationType.Mutation => query.Contains("mutation", StringComparison.Ordinal),
        OperationType.Subscription => query.Contains("subscription", StringComparison.Ordinal),
        _ => true,
    };
}

public readonly record struct OperationLookup(OperationType? Type, ExecutionError? DocumentError);
