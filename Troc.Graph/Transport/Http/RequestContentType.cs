using Microsoft.Net.Http.Headers;
using Troc.Graph.Transport.Http.Errors;

namespace Troc.Graph.Transport.Http;

/// <summary>
/// Only application/json, and multipart/form-data with a preflight header, may carry an operation: a browser sends
/// text/plain and form posts cross-site without asking, so accepting those bare would let any site run mutations (CSRF).
/// </summary>
public static class RequestContentType
{
    /// <summary>The body's kind: JSON (null boundary) or a multipart upload (its boundary).</summary>
    public static RequestBody Check(HttpRequest request)
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
            var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary);
            if (boundary.Length == 0 || boundary.Length > 200)
                throw new BadRequestError("The multipart/form-data Content-Type needs a boundary parameter (at most 200 characters).");
            return new RequestBody(boundary.Value);
        }
        if (!contentType.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedMediaTypeError($"Content-Type '{contentType.MediaType}' is not supported: send application/json.");
        if (!GraphQLMediaTypes.IsUtf8(contentType.Charset))
            throw new UnsupportedMediaTypeError($"Charset '{contentType.Charset}' is not supported: JSON bodies must be UTF-8.");
        return new RequestBody(MultipartBoundary: null);
    }
}

/// <summary>What a POST body holds: JSON, or a GraphQL multipart request with its boundary.</summary>
public readonly record struct RequestBody(string? MultipartBoundary)
{
    public bool IsMultipart => MultipartBoundary is not null;
}
