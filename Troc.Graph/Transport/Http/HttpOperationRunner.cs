using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Troc.Graph.Transport.Execution;
using Troc.Graph.Transport.Http.Errors;

namespace Troc.Graph.Transport.Http;

/// <summary>Runs one operation of an HTTP request, after refusing the operation types HTTP must not run.</summary>
public static class HttpOperationRunner
{
    public static async Task<ExecutionResult> RunAsync(
        HttpContext context, GraphQLRequestExecutor executor, GraphQLRequest request, bool isGet, ExecutionDeadline deadline) =>
        Refusal(request, isGet) ?? await executor.ExecuteAsync(request, context.User, context.RequestServices, deadline);

    /// <summary>What the operation would cost, without running it; 0 when HTTP refuses it (it will not run either).</summary>
    public static async Task<double> EstimateComplexityAsync(
        HttpContext context, GraphQLRequestExecutor executor, GraphQLRequest request, bool isGet, ExecutionDeadline deadline) =>
        Refusal(request, isGet) is null ? await executor.EstimateComplexityAsync(request, context.User, context.RequestServices, deadline) : 0;

    private static ExecutionResult? Refusal(GraphQLRequest request, bool isGet)
    {
        var lookup = FindRestrictedOperationType(request, isGet);
        if (lookup.DocumentError is not null)
            return new ExecutionResult { Errors = [lookup.DocumentError] };
        return lookup.Type switch
        {
            OperationType.Mutation when isGet => throw new MutationOverGetError(),
            OperationType.Subscription => new ExecutionResult { Errors = [new SubscriptionOverHttpError()] },
            _ => null,
        };
    }

    /// <summary>The operation type, when it may be one HTTP restricts (mutation over GET, subscription anywhere).</summary>
    private static OperationLookup FindRestrictedOperationType(GraphQLRequest request, bool isGet)
    {
        var query = request.Query!;
        var worthParsing = OperationTypeFinder.MayBe(query, OperationType.Subscription)
            || isGet && OperationTypeFinder.MayBe(query, OperationType.Mutation);
        return worthParsing ? OperationTypeFinder.Find(query, request.OperationName) : default;
    }
}
