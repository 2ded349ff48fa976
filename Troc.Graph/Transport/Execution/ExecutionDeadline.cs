using GraphQL;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// How long one request may run (<see cref="ExecutionLimitsOptions.ExecutionTimeout"/>), shared by every operation of an
/// HTTP batch, so that a batch gets one deadline rather than one per operation. Its token is cancelled when the time is
/// up or when the caller gives up (the client left, the operation was completed, the socket closed); only the first is
/// a timeout.
/// </summary>
public sealed class ExecutionDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;

    public ExecutionDeadline(TimeSpan timeout, CancellationToken caller)
    {
        Timeout = timeout;
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _source.CancelAfter(timeout);
    }

    public TimeSpan Timeout { get; }

    /// <summary>What the request's work observes: the database commands, the loaders, the resolvers.</summary>
    public CancellationToken Token => _source.Token;

    public bool HasPassed => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    public void Dispose() => _source.Dispose();
}

/// <summary>An operation stopped at its request's deadline: nothing of it is returned, and its work was cancelled.</summary>
public sealed class ExecutionTimeoutError : ExecutionError
{
    public ExecutionTimeoutError(TimeSpan timeout)
        : base($"The request ran longer than the {timeout.TotalSeconds:0.###} s it may take and was stopped. " +
            "Ask for less (fewer fields, smaller pages, fewer operations in a batch) or try again later.")
    {
        Code = LimitCodes.Timeout;
    }
}
