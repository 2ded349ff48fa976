using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Troc.Graph.Transport.Http;

/// <summary>
/// The transport must know an operation's type before running it (no mutation over GET, no subscription over
/// HTTP), even when the schema has no Mutation type at all, so it reads the type from the document itself.
/// </summary>
public static class OperationTypeFinder
{
    /// <returns>
    /// The type of the operation that would run, or null when the document does not parse or names no such
    /// operation: the executor then reports that with its usual error.
    /// </returns>
    public static OperationType? Find(string query, string? operationName)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLParserException)
        {
            return null;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operationName is null)
            return operations.Count == 1 ? operations[0].Operation : null;
        return operations.FirstOrDefault(operation => operation.Name?.StringValue == operationName)?.Operation;
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
