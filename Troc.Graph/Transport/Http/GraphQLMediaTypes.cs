using Microsoft.Extensions.Primitives;

namespace Troc.Graph.Transport.Http;

public static class GraphQLMediaTypes
{
    /// <summary>The GraphQL-over-HTTP media type: its status codes tell request errors (4xx) from results (200).</summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The legacy media type: every well-formed request gets 200, whatever the GraphQL errors.</summary>
    public const string Json = "application/json";

    public const string MultipartFormData = "multipart/form-data";

    /// <summary>The header that forces a CORS preflight on requests a browser would otherwise send cross-site freely.</summary>
    public const string PreflightHeader = "GraphQL-Preflight";

    /// <summary>True for UTF-8 or no charset at all: JSON is UTF-8 unless told otherwise (RFC 8259).</summary>
    public static bool IsUtf8(StringSegment charset) =>
        !charset.HasValue
        || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
