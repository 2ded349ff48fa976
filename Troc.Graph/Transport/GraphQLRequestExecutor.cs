using System.Diagnostics;
using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Troc.Graph.Transport.Execution;

namespace Troc.Graph.Transport;

/// <summary>
/// The one way both transports (HTTP and WebSocket) run an operation, so limits, caching, authorization and
/// logging apply the same everywhere.
/// </summary>
public sealed class GraphQLRequestExecutor(
    IDocumentExecuter<ISchema> executer,
    IOptions<ExecutionLimitsOptions> limits,
    ILogger<GraphQLRequestExecutor> logger)
{
    private readonly int _maxDocumentLength = limits.Value.MaxDocumentLength;

    public async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var selectedOperation = new SelectedOperationObserver();
        ExecutionResult result;
        try
        {
            result = request.Query is { Length: var length } && length > _maxDocumentLength
                // Checked before parsing: the parser's work grows with the text, whatever the other limits say.
                ? new ExecutionResult(new LimitExceededError(
                    LimitCodes.DocumentTooLong,
                    $"The document is {length} characters long; at most {_maxDocumentLength} are allowed."))
                : await executer.ExecuteAsync(new ExecutionOptions
                {
                    Query = request.Query,
                    DocumentId = request.DocumentId,
                    OperationName = request.OperationName,
                    Variables = request.Variables,
                    Extensions = request.Extensions,
                    User = user,
                    RequestServices = requestServices,
                    CancellationToken = cancellationToken,
                    Listeners = { selectedOperation },
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            OperationLog.WriteCancelled(logger, request, Stopwatch.GetElapsedTime(started));
            throw;
        }
        OperationLog.Write(logger, request, result.Operation ?? selectedOperation.Operation, result, Stopwatch.GetElapsedTime(started));
        return result;
    }
}
