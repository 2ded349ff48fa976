using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// GraphQL.NET's parser, followed at once by the limits on how many fields and aliases a document may write and on
/// how many fields its fragments expand to. These are checked here, before validation, because validation itself is
/// what such a document makes expensive: the standard rules report one error per unknown field (ten thousand `a`s in
/// 20,000 characters took 5 s and produced a 2 MB response) and compare same-named fields pairwise (500 copies of
/// `node(id: "x") { id }` took 2 s), and the complexity analyzer walks every fragment spread anew (20 fragments each
/// spreading the next twice took 3.5 s). A validation rule would only run alongside them.
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
        CheckExpandedFields(document);
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

    /// <summary>
    /// Every field costs at least 1 in the complexity estimate, so an operation whose fragments expand to more fields
    /// than <see cref="ExecutionLimitsOptions.MaxComplexity"/> could never pass it; it is refused before the analyzer
    /// spends exponential time expanding it. Each fragment's size is computed once.
    /// </summary>
    private void CheckExpandedFields(GraphQLDocument document)
    {
        long limit = _limits.MaxComplexity;
        var fragmentSizes = new Dictionary<ROM, long>();
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation || SizeOf(operation.SelectionSet) <= limit) continue;
            throw new LimitExceededError(document.Source, LimitCodes.MaxComplexityExceeded,
                $"Once its fragments are expanded, the operation selects more than {limit} fields.", operation);
        }

        // Sizes saturate just above the limit: a chain of fragments doubling each other would overflow any integer.
        long SizeOf(GraphQLSelectionSet selectionSet)
        {
            long size = 0;
            foreach (var selection in selectionSet.Selections)
            {
                size += selection switch
                {
                    GraphQLField field => 1 + (field.SelectionSet is { } nested ? SizeOf(nested) : 0),
                    GraphQLInlineFragment inline => SizeOf(inline.SelectionSet),
                    GraphQLFragmentSpread spread => SizeOfFragment(spread.FragmentName.Name.Value),
                    _ => 0,
                };
                if (size > limit) return limit + 1;
            }
            return size;
        }

        long SizeOfFragment(ROM name)
        {
            if (fragmentSizes.TryGetValue(name, out var known)) return known;
            // A cycle counts as empty here; validation reports it (NoFragmentCycles).
            fragmentSizes[name] = 0;
            var size = document.FindFragmentDefinition(name) is { } fragment ? SizeOf(fragment.SelectionSet) : 0;
            fragmentSizes[name] = size;
            return size;
        }
    }
}
