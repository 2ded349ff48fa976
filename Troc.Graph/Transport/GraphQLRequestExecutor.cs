using System.Diagnostics;
using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Troc.Graph.Transport.Execution;

namespace Troc.Graph.Transport;

/// <summary>
/// The one way both transports (HTTP and WebSocket) run an operation, so limits, caching, authorization, the execution
/// deadline and logging apply the same everywhere.
/// </summary>
public sealed class GraphQLRequestExecutor(
    IDocumentExecuter<ISchema> executer,
    IOptions<ExecutionLimitsOptions> limits,
    ILogger<GraphQLRequestExecutor> logger)
{
    private readonly int _maxDocumentLength = limits.Value.MaxDocumentLength;
    private readonly TimeSpan _timeout = limits.Value.ExecutionTimeout;

    /// <summary>Starts the deadline of one request; every operation run with it shares it.</summary>
    public ExecutionDeadline StartDeadline(CancellationToken cancellationToken) => new(_timeout, cancellationToken);

    /// <summary>Runs one operation under a deadline of its own.</summary>
    public async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        CancellationToken cancellationToken)
    {
        using var deadline = StartDeadline(cancellationToken);
        return await ExecuteAsync(request, user, requestServices, deadline);
    }

    public async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        ExecutionDeadline deadline)
    {
        var started = Stopwatch.GetTimestamp();
        var selectedOperation = new SelectedOperationObserver();
        ExecutionResult result;
        try
        {
            result = TooLong(request) ?? await executer.ExecuteAsync(Options(request, user, requestServices, deadline, selectedOperation));
        }
        catch (OperationCanceledException) when (deadline.HasPassed)
        {
            result = new ExecutionResult(new ExecutionTimeoutError(deadline.Timeout));
        }
        catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested)
        {
            OperationLog.WriteCancelled(logger, request, Stopwatch.GetElapsedTime(started));
            throw;
        }
        OperationLog.Write(logger, request, result.Operation ?? selectedOperation.Operation, result, Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <summary>
    /// The operation's estimated complexity, as validation computes it, without executing it; 0 when it would not run
    /// (invalid, or over a limit of its own). Lets an HTTP batch be weighed as a whole before any of it runs.
    /// </summary>
    public async Task<double> EstimateComplexityAsync(
        GraphQLRequest request,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        ExecutionDeadline deadline)
    {
        if (TooLong(request) is not null) return 0;
        var estimate = new ComplexityEstimate();
        var options = Options(request, user, requestServices, deadline, listener: null);
        options.UserContext = estimate.AsUserContext();
        try
        {
            await executer.ExecuteAsync(options);
        }
        catch (OperationCanceledException) when (deadline.HasPassed)
        {
            // Out of time already: running the operation will answer TIMEOUT.
        }
        return estimate.Complexity;
    }

    /// <summary>Checked before parsing: the parser's work grows with the text, whatever the other limits say.</summary>
    private ExecutionResult? TooLong(GraphQLRequest request) =>
        request.Query is { Length: var length } && length > _maxDocumentLength
            ? new ExecutionResult(new LimitExceededError(
                LimitCodes.DocumentTooLong,
                $"The document is {length} characters long; at most {_maxDocumentLength} are allowed."))
            : null;

    private static ExecutionOptions Options(
        GraphQLRequest request, ClaimsPrincipal user, IServiceProvider requestServices, ExecutionDeadline deadline,
        SelectedOperationObserver? listener)
    {
        var options = new ExecutionOptions
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = user,
            RequestServices = requestServices,
            CancellationToken = deadline.Token,
        };
        if (listener is not null) options.Listeners.Add(listener);
        return options;
    }
}
