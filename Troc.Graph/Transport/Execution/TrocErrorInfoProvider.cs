using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// Turns errors into what the client reads (message, <c>extensions</c>) for both transports. Exception details are
/// added only to unexpected faults, and only when <see cref="ExceptionDetailsOptions.ExposeExceptionDetails"/> is on.
/// </summary>
public sealed class TrocErrorInfoProvider(IOptions<ExceptionDetailsOptions> options) : IErrorInfoProvider
{
    private readonly ErrorInfoProvider _withoutDetails = new();
    private readonly ErrorInfoProvider _withDetails = new(new ErrorInfoProviderOptions { ExposeExceptionDetails = true });

    public ErrorInfo GetInfo(ExecutionError executionError) =>
        (options.Value.ExposeExceptionDetails && executionError.Code == OperationLog.InternalServerErrorCode ? _withDetails : _withoutDetails)
            .GetInfo(executionError);
}
