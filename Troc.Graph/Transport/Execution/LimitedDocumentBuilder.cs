using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// GraphQL.NET's parser, followed at once by the limits on how many fields and aliases a document may write. These
/// are checked here, before validation, because validation itself is what a big document makes expensive: the
/// standard rules report one error per unknown field (ten thousand `a`s in 20,000 characters took 5 s and produced a
/// 2 MB response) and compare same-named fields pairwise (500 copies of `node(id: "x") { id }` took 2 s). A rule
/// would only run alongside them.
/// </summary>
public sealed class LimitedDocumentBuilder(IOptions<ExecutionLimitsOptions> options) : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _parser = new();
    private readonly ExecutionLimitsOptions _limits = options.Value;

    public GraphQLDocument Build(string body)
    {
        GraphQLDocument document;
        try
        {
            document = _parser.Build(body);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            // The stock builder lets this escape, and it would surface as an internal server error.
            throw new LimitExceededError(
                LimitCodes.MaxDepthExceeded,
                "The document is nested too deeply to be parsed. Flatten the selection or split the operation.");
        }
        CheckFieldsAndAliases(document);
        return document;
    }

    /// <summary>Counts the fields and aliases as written (fragments once each), stopping at the first one over a limit.</summary>
    private void CheckFieldsAndAliases(GraphQLDocument document)
    {
        int fields = 0, aliases = 0;
        var pending = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
            if (definition is GraphQLExecutableDefinition { SelectionSet: { } selectionSet })
                pending.Push(selectionSet);
        while (pending.TryPop(out var selectionSet))
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (selection is GraphQLInlineFragment inline)
                    pending.Push(inline.SelectionSet);
                if (selection is not GraphQLField field) continue;
                if (++fields > _limits.MaxFields)
                    throw new LimitExceededError(document.Source, LimitCodes.TooManyFields,
                        $"The document selects more than {_limits.MaxFields} fields.", field);
                if (field.Alias is not null && ++aliases > _limits.MaxAliases)
                    throw new LimitExceededError(document.Source, LimitCodes.TooManyAliases,
                        $"The document uses more than {_limits.MaxAliases} aliases. Aliases let one request repeat an " +
                        "expensive field; split the work over several requests instead.", field);
                if (field.SelectionSet is { } nested)
                    pending.Push(nested);
            }
        }
    }
}
