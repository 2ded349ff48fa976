using GraphQL;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// Refuses introspection that nests the schema's own lists (<c>types { fields { type { fields { … } } } }</c>): each
/// level multiplies the response by the size of the schema. Ordinary introspection, Banana Cake Pop's included,
/// nests them once. The same rule as graphql-js's MaxIntrospectionDepthRule.
/// </summary>
public sealed class IntrospectionDepthRule(ExecutionLimitsOptions limits) : ValidationRuleBase
{
    private static readonly HashSet<string> NestingFields = ["fields", "inputFields", "interfaces", "possibleTypes"];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (field.Name.Value != "__schema" && field.Name.Value != "__type") return;
            if (NestingOf(field.SelectionSet, validation.Document, [], 0) <= limits.MaxIntrospectionDepth) return;
            validation.ReportError(new LimitExceededError(
                validation.Document.Source,
                LimitCodes.MaxIntrospectionDepthExceeded,
                $"Introspection may nest `fields`, `inputFields`, `interfaces` and `possibleTypes` at most {limits.MaxIntrospectionDepth} times.",
                field));
        }));

    /// <summary>The deepest nesting of the schema's lists below a selection set; stops counting once over the limit.</summary>
    private int NestingOf(GraphQLSelectionSet? selectionSet, GraphQLDocument document, HashSet<ROM> fragmentsOnPath, int depth)
    {
        if (selectionSet is null || depth > limits.MaxIntrospectionDepth) return depth;
        var deepest = depth;
        foreach (var selection in selectionSet.Selections)
        {
            var nested = selection switch
            {
                GraphQLField field => NestingOf(
                    field.SelectionSet, document, fragmentsOnPath,
                    NestingFields.Contains(field.Name.StringValue) ? depth + 1 : depth),
                GraphQLInlineFragment inline => NestingOf(inline.SelectionSet, document, fragmentsOnPath, depth),
                GraphQLFragmentSpread spread => NestingOfFragment(spread, document, fragmentsOnPath, depth),
                _ => depth,
            };
            deepest = Math.Max(deepest, nested);
        }
        return deepest;
    }

    private int NestingOfFragment(GraphQLFragmentSpread spread, GraphQLDocument document, HashSet<ROM> fragmentsOnPath, int depth)
    {
        var name = spread.FragmentName.Name.Value;
        // Cycles are NoFragmentCycles' to report; here they only must not recurse forever.
        if (document.FindFragmentDefinition(name) is not { } fragment || !fragmentsOnPath.Add(name)) return depth;
        var nested = NestingOf(fragment.SelectionSet, document, fragmentsOnPath, depth);
        fragmentsOnPath.Remove(name);
        return nested;
    }
}
