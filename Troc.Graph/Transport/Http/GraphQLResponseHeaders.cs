namespace Troc.Graph.Transport.Http;

/// <summary>
/// Headers of every GraphQL response, whoever writes it (the transport, the 401 of a bad token, the 429 of the request
/// limit): the body is JSON and must never be sniffed into something a browser would render or run, and it is one
/// member's data, which no browser or proxy cache should keep.
/// </summary>
public static class GraphQLResponseHeaders
{
    public static void Apply(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
    }
}
