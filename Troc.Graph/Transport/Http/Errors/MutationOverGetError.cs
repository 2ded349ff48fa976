using Microsoft.Net.Http.Headers;

namespace Troc.Graph.Transport.Http.Errors;

/// <summary>
/// GET must stay safe: links, prefetchers and caches replay GETs, so a mutation there could run without the user asking.
/// </summary>
public sealed class MutationOverGetError() : HttpTransportError(
    "METHOD_NOT_ALLOWED",
    "Mutations cannot be sent with GET: send them with POST.")
{
    public override int StatusCode => StatusCodes.Status405MethodNotAllowed;

    public override void AddHeadersTo(IHeaderDictionary headers) => headers[HeaderNames.Allow] = "POST";
}
