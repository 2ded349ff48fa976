using GraphQL.Validation;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// Asks the engine for an operation's estimated complexity without running it, so that the operations of an HTTP batch
/// can be added up before any of them runs. It rides in the execution's user context: <see cref="DepthAndComplexityRule"/>
/// records the figure there and ends validation with <see cref="EstimatedOnlyError"/>, so nothing executes. An operation
/// that fails validation records nothing: it will not run either.
/// </summary>
internal sealed class ComplexityEstimate
{
    private const string UserContextKey = "troc:complexity-estimate";

    public double Complexity { get; set; }

    public Dictionary<string, object?> AsUserContext() => new() { [UserContextKey] = this };

    public static ComplexityEstimate? In(IDictionary<string, object?> userContext) =>
        userContext.TryGetValue(UserContextKey, out var value) ? value as ComplexityEstimate : null;
}

/// <summary>Stops an operation that was only being estimated; no client ever sees it.</summary>
internal sealed class EstimatedOnlyError() : ValidationError("Estimated, not executed.");
