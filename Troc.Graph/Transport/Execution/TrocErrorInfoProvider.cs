using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// Turns errors into what the client reads (message, <c>extensions.code</c>, …) for both transports. Exception details
/// are added only to unexpected faults, and only when <see cref="ExceptionDetailsOptions.ExposeExceptionDetails"/> is
/// on; errors may add fields of their own to <c>extensions</c> (<see cref="IErrorExtensions"/>).
/// </summary>
public sealed class TrocErrorInfoProvider(IOptions<ExceptionDetailsOptions> options) : IErrorInfoProvider
{
    private readonly ErrorInfoProvider _withoutDetails = new();
    private readonly ErrorInfoProvider _withDetails = new(new ErrorInfoProviderOptions { ExposeExceptionDetails = true });

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var exposeDetails = options.Value.ExposeExceptionDetails && executionError.Code == OperationLog.InternalServerErrorCode;
        var info = (exposeDetails ? _withDetails : _withoutDetails).GetInfo(executionError);
        if (executionError is IErrorExtensions { Extensions: var extra } && extra.Count > 0)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            foreach (var (name, value) in extra) extensions[name] = value;
            info.Extensions = extensions;
        }
        return info;
    }
}

/// <summary>An error that tells the client more than its code, in <c>extensions</c> (e.g. <c>retryAfterSeconds</c>).</summary>
public interface IErrorExtensions
{
    IReadOnlyDictionary<string, object?> Extensions { get; }
}
