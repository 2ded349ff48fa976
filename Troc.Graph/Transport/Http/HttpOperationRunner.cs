using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Troc.Graph.Transport.Http.Errors;

namespace Troc.Graph.Transport.Http;

/// <summary>Runs one operation of an HTTP request, after refusing the operation types HTTP must not run.</summary>
public static class HttpOperationRunner
{
    public static async Task<ExecutionResult> RunAsync(
        HttpContext context, GraphQLRequestExecutor executor, GraphQLRequest request, bool isGet)
    {
        var lookup = FindRestrictedOperationType(request, isGet);
        if (lookup.DocumentError is not null)
            return new ExecutionResult { Errors = [lookup.DocumentError] };
        switch (lookup.Type)
        {
            case OperationType.Mutation when isGet:
                throw new MutationOverGetError();
            case OperationType.Subscription:
                return new ExecutionResult { Errors = [new SubscriptionOverHttpError()] };
        }
        return await executor.ExecuteAsync(request, context.User, context.RequestServices, context.RequestAborted);
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
