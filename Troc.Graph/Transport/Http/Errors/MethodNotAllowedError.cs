using Microsoft.Net.Http.Headers;

namespace Troc.Graph.Transport.Http.Errors;

public sealed class MethodNotAllowedError(string method) : HttpTransportError(
    "METHOD_NOT_ALLOWED",
    $"HTTP method {method} is not supported: use POST, or GET for queries.")
{
    public override int StatusCode => StatusCodes.Status405MethodNotAllowed;

    public override void AddHeadersTo(IHeaderDictionary headers) => headers[HeaderNames.Allow] = "GET, POST";
}
