using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// GraphQL.NET's complexity analyzer with Troc's limits, reporting depth and complexity under their own codes (the
/// stock rule reports both as one generic code). Depth counts levels of fields, the root fields being level 1. It
/// runs on cached documents too: the estimate depends on the selected operation and on variables such as
/// <c>first: $count</c>, which change from request to request. Asked for an estimate only
/// (<see cref="ComplexityEstimate"/>), it records the complexity and stops the operation before it executes.
/// </summary>
public sealed class DepthAndComplexityRule : ComplexityValidationRule
{
    private readonly ExecutionLimitsOptions limits;

    public DepthAndComplexityRule(ExecutionLimitsOptions limits) : base(CreateOptions(limits)) => this.limits = limits;

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        // A deep operation is usually expensive too; the depth is the more useful of the two to report.
        if (maxDepth > limits.MaxDepth)
            context.ReportError(new LimitExceededError(
                LimitCodes.MaxDepthExceeded,
                $"The operation is nested {maxDepth} levels deep; at most {limits.MaxDepth} are allowed."));
        else if (totalComplexity > limits.MaxComplexity)
            context.ReportError(new LimitExceededError(
                LimitCodes.MaxComplexityExceeded,
                $"The operation's estimated complexity is {totalComplexity:0}; at most {limits.MaxComplexity} is allowed. " +
                "Request fewer fields, or smaller pages with `first`/`last`."));
        else if (ComplexityEstimate.In(context.UserContext) is { } estimate)
        {
            estimate.Complexity = totalComplexity;
            context.ReportError(new EstimatedOnlyError());
        }
        return default;
    }

    private static ComplexityOptions CreateOptions(ExecutionLimitsOptions limits)
    {
        var options = new ComplexityOptions
        {
            MaxDepth = limits.MaxDepth,
            MaxComplexity = limits.MaxComplexity,
            DefaultListImpactMultiplier = limits.ListSizeEstimate,
        };
        var dataFieldImpact = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context =>
            IsIntrospectionRoot(context) ? IntrospectionImpact : dataFieldImpact(context);
        return options;
    }

    /// <summary>
    /// Introspection costs 1 whatever it selects: its size is bounded by the schema, not by data, and the engine would
    /// otherwise multiply `types` by the number of types, so that the IDE's introspection query would outgrow the
    /// budget as the schema grows. <see cref="IntrospectionDepthRule"/> is what keeps introspection from multiplying
    /// out; a zero multiplier here leaves everything below `__schema` and `__type` out of the estimate.
    /// </summary>
    private static readonly FieldComplexityResult IntrospectionImpact = new(1, 0);

    private static bool IsIntrospectionRoot(FieldImpactContext context) =>
        context.FieldDefinition.Name is "__schema" or "__type" && context.Parent is null;
}
