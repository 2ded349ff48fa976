using GraphQL;
using Microsoft.Extensions.Options;
using Troc.Graph.Transport.Execution;
using Troc.Graph.Transport.Http.Errors;

namespace Troc.Graph.Transport.Http;

/// <summary>
/// GraphQL over HTTP at /graphql, per graphql.github.io/graphql-over-http: POST application/json (single or
/// batch), GET for queries, Accept negotiation between application/graphql-response+json and application/json.
/// A request runs under one deadline; a batch counts each of its operations against the request limit and their
/// complexities together against the complexity limit, before any of them runs.
/// </summary>
public sealed class GraphQLHttpMiddleware(
    RequestDelegate next,
    GraphQLHttpRequestReader reader,
    GraphQLHttpResponseWriter writer,
    IOptions<ExecutionLimitsOptions> limits,
    IOptions<ExceptionDetailsOptions> exceptionDetails,
    ILogger<GraphQLHttpMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, GraphQLRequestExecutor executor)
    {
        if (IsForAnotherHandler(context.Request, context.WebSockets.IsWebSocketRequest))
        {
            await next(context);
            return;
        }

        // Until Accept is understood, errors go out as plain JSON, which every client can read.
        var mediaType = GraphQLMediaTypes.Json;
        try
        {
            var request = context.Request;
            var isGet = HttpMethods.IsGet(request.Method);
            if (!isGet && !HttpMethods.IsPost(request.Method))
                throw new MethodNotAllowedError(request.Method);
            mediaType = ResponseMediaTypeNegotiation.Select(request.Headers.Accept)
                ?? throw new NotAcceptableError(request.Headers.Accept);

            var payload = isGet
                ? reader.ReadQueryString(request.Query)
                : await reader.ReadPostAsync(request, context.RequestAborted);

            using var deadline = executor.StartDeadline(context.RequestAborted);
            if (payload.IsBatch)
            {
                await CheckBatchAsync(context, executor, payload, deadline);
                var results = new List<ExecutionResult>(payload.Requests.Count);
                // One after the other: the operations share the request's scope (loaders, user), which is not thread-safe.
                foreach (var operation in payload.Requests)
                    results.Add(await HttpOperationRunner.RunAsync(context, executor, operation, isGet, deadline));
                await writer.WriteBatchAsync(context, results, mediaType);
            }
            else
            {
                var result = await HttpOperationRunner.RunAsync(context, executor, payload.Requests[0], isGet, deadline);
                await writer.WriteResultAsync(context, result, mediaType);
            }
        }
        catch (HttpTransportError error)
        {
            await writer.WriteErrorAsync(context, error, mediaType);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left: nobody is there to read an answer.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            logger.LogError(exception, "GraphQL HTTP request failed unexpectedly");
            context.Response.Clear();
            var exposed = exceptionDetails.Value.ExposeExceptionDetails ? exception : null;
            await writer.WriteErrorAsync(context, new InternalServerError(exposed), mediaType);
        }
    }

    /// <summary>
    /// A batch is one request doing the work of several: each operation after the first counts against the request limit
    /// (which counted the request once), and their estimated complexities add up against the limit of one request.
    /// Either refusal comes before any operation runs.
    /// </summary>
    private async Task CheckBatchAsync(HttpContext context, GraphQLRequestExecutor executor, GraphQLHttpPayload batch, ExecutionDeadline deadline)
    {
        if (OperationRateLimit.TryAcquire(context, batch.Requests.Count - 1) is { } retryAfter)
            throw new TooManyRequestsError(retryAfter);
        var complexity = 0d;
        foreach (var operation in batch.Requests)
            complexity += await HttpOperationRunner.EstimateComplexityAsync(context, executor, operation, isGet: false, deadline);
        if (complexity > limits.Value.MaxComplexity)
            throw new BatchTooComplexError(complexity, limits.Value.MaxComplexity);
    }

    /// <summary>WebSocket upgrades and a browser opening /graphql (the IDE) are served further down the pipeline.</summary>
    private static bool IsForAnotherHandler(HttpRequest request, bool isWebSocketRequest) =>
        isWebSocketRequest
        || HttpMethods.IsGet(request.Method)
            && !request.Query.ContainsKey("query")
            && request.Headers.Accept.Any(value => value?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
