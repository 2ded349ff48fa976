using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// What happens to an exception no resolver expected: it is logged here with its stack, and the client gets
/// `Internal server error` with code INTERNAL_SERVER_ERROR and nothing of the exception (its type name would otherwise
/// leak into `extensions.codes`). Only with Graph:Errors:ExposeExceptionDetails does the exception stay attached, so that
/// its details show in the response.
/// </summary>
public sealed partial class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger, IOptions<ExceptionDetailsOptions> details)
{
    public Task HandleAsync(UnhandledExceptionContext context)
    {
        var path = context.FieldContext?.ResponsePath is { } responsePath ? string.Join('.', responsePath) : null;
        var operationName = context.Context?.Operation?.Name?.StringValue ?? context.ExecutionOptions.OperationName ?? "anonymous";
        UnexpectedFault(logger, context.OriginalException, operationName, path ?? "(document)");
        context.Exception = new UnexpectedFaultError(details.Value.ExposeExceptionDetails ? context.OriginalException : null);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1002, EventName = "GraphQLUnexpectedFault", Level = LogLevel.Error,
        Message = "Unexpected exception in GraphQL operation {OperationName} at {FieldPath}")]
    private static partial void UnexpectedFault(ILogger logger, Exception exception, string operationName, string fieldPath);
}

/// <summary>What a client sees of an unexpected exception: its code, and its details only when they are opted into.</summary>
public sealed class UnexpectedFaultError : ExecutionError
{
    public UnexpectedFaultError(Exception? detail) : base("Internal server error", detail) => Code = OperationLog.InternalServerErrorCode;
}
