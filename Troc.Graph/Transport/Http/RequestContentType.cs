using Microsoft.Net.Http.Headers;
using Troc.Graph.Transport.Http.Errors;

namespace Troc.Graph.Transport.Http;

/// <summary>
/// Only application/json (and, later, multipart with a preflight header) may carry an operation: a browser sends
/// text/plain and form posts cross-site without asking, so accepting those would let any site run mutations (CSRF).
/// </summary>
public static class RequestContentType
{
    public static void EnsureJson(HttpRequest request)
    {
        var header = request.ContentType;
        if (string.IsNullOrWhiteSpace(header))
            throw new UnsupportedMediaTypeError("The request has no Content-Type: send the body as application/json.");
        if (!MediaTypeHeaderValue.TryParse(header, out var contentType))
            throw new UnsupportedMediaTypeError($"Content-Type '{header}' cannot be parsed: send application/json.");

        if (contentType.MediaType.Equals(GraphQLMediaTypes.MultipartFormData, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(request.Headers[GraphQLMediaTypes.PreflightHeader]))
                throw new PreflightRequiredError();
            throw new UnsupportedMediaTypeError("File uploads (multipart/form-data) are not accepted yet: send application/json.");
        }
        if (!contentType.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedMediaTypeError($"Content-Type '{contentType.MediaType}' is not supported: send application/json.");
        if (!GraphQLMediaTypes.IsUtf8(contentType.Charset))
            throw new UnsupportedMediaTypeError($"Charset '{contentType.Charset}' is not supported: JSON bodies must be UTF-8.");
    }
}
