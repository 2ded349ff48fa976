using GraphQL;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>A <c>subscribe</c> past <see cref="GraphQLWebSocketOptions.MaxOperationsPerSocket"/>: refused, the socket stays open.</summary>
public sealed class TooManyOperationsError : ExecutionError
{
    public TooManyOperationsError(int maxOperations)
        : base($"This socket already runs {maxOperations} operations, as many as one socket may: complete one first.") =>
        Code = "TOO_MANY_OPERATIONS";
}

/// <summary>
/// A <c>subscribe</c> past the request limit of the socket's client address (Abuse:GlobalPerIp): each operation counts
/// as one request, as it would over HTTP. Refused with the delay to wait; the socket stays open.
/// </summary>
public sealed class OperationRateLimitedError : ExecutionError
{
    public OperationRateLimitedError(TimeSpan retryAfter)
        : base($"Too many requests from your address: retry in {OperationRateLimit.Seconds(retryAfter)} s. " +
            "Each operation on a socket counts as one request.")
    {
        Code = "RATE_LIMITED";
        this.AddExtension("retryAfterSeconds", OperationRateLimit.Seconds(retryAfter));
    }
}
