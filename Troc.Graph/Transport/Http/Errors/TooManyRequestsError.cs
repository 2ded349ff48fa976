using System.Globalization;
using GraphQL;
using Microsoft.Net.Http.Headers;

namespace Troc.Graph.Transport.Http.Errors;

/// <summary>
/// The operations of a batch took the client address past the request limit (Abuse:GlobalPerIp): 429, the same answer
/// as the limit's own for a single request, and nothing of the batch runs.
/// </summary>
public sealed class TooManyRequestsError : HttpTransportError
{
    private readonly int _retryAfterSeconds;

    public TooManyRequestsError(TimeSpan retryAfter) : base(
        "RATE_LIMITED",
        $"Too many requests from your address: retry in {OperationRateLimit.Seconds(retryAfter)} s. Each operation of a batch counts as one request.")
    {
        _retryAfterSeconds = OperationRateLimit.Seconds(retryAfter);
        this.AddExtension("retryAfterSeconds", _retryAfterSeconds);
    }

    public override int StatusCode => StatusCodes.Status429TooManyRequests;

    public override void AddHeadersTo(IHeaderDictionary headers) =>
        headers[HeaderNames.RetryAfter] = _retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}
