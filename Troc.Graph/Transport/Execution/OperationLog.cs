using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// The one log entry per operation: what ran, how long it took, and how it failed, as structured properties that a
/// log store can filter and aggregate. Never the variables or the query text: variables carry passwords and tokens.
/// </summary>
public static partial class OperationLog
{
    /// <summary>The code of every unexpected fault, as <see cref="UnhandledExceptionHandler"/> reports it.</summary>
    public const string InternalServerErrorCode = "INTERNAL_SERVER_ERROR";

    /// <summary>Logs a finished operation; <paramref name="operation"/> is null when no operation could be selected.</summary>
    public static void Write(ILogger logger, GraphQLRequest request, GraphQLOperationDefinition? operation, ExecutionResult result, TimeSpan duration)
    {
        var operationType = operation?.Operation.ToString().ToLowerInvariant() ?? "unknown";
        var operationName = operation?.Name?.StringValue ?? request.OperationName ?? "anonymous";
        var errors = result.Errors ?? [];
        var errorCodes = errors.Select(error => error.Code ?? "UNKNOWN").Distinct().ToArray();
        // A fault or a timeout is the server's to look into; anything else is the client's mistake.
        var level = errorCodes.Contains(InternalServerErrorCode) || errorCodes.Contains(LimitCodes.Timeout) ? LogLevel.Warning : LogLevel.Information;
        OperationCompleted(logger, level, operationType, operationName, Math.Round(duration.TotalMilliseconds, 1), errors.Count, errorCodes);
    }

    public static void WriteCancelled(ILogger logger, GraphQLRequest request, TimeSpan duration) =>
        OperationCancelled(logger, request.OperationName ?? "anonymous", Math.Round(duration.TotalMilliseconds, 1));

    [LoggerMessage(EventId = 1000, EventName = "GraphQLOperationCompleted",
        Message = "GraphQL {OperationType} {OperationName} completed in {DurationMs} ms with {ErrorCount} error(s) {ErrorCodes}")]
    private static partial void OperationCompleted(
        ILogger logger, LogLevel level, string operationType, string operationName, double durationMs, int errorCount, string[] errorCodes);

    [LoggerMessage(EventId = 1001, EventName = "GraphQLOperationCancelled", Level = LogLevel.Information,
        Message = "GraphQL operation {OperationName} cancelled by the client after {DurationMs} ms")]
    private static partial void OperationCancelled(ILogger logger, string operationName, double durationMs);
}
