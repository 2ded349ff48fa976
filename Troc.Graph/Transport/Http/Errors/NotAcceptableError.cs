using Microsoft.Net.Http.Headers;

namespace Troc.Graph.Transport.Http.Errors;

public sealed class NotAcceptableError(string? accept) : HttpTransportError(
    "NOT_ACCEPTABLE",
    $"Cannot answer with any media type in Accept '{accept}': accept {GraphQLMediaTypes.GraphQLResponseJson} or {GraphQLMediaTypes.Json}.")
{
    public override int StatusCode => StatusCodes.Status406NotAcceptable;

    // Not a standard response header, but graphql-http's reference handler sends it: it names what would work.
    public override void AddHeadersTo(IHeaderDictionary headers) =>
        headers[HeaderNames.Accept] = $"{GraphQLMediaTypes.GraphQLResponseJson}; charset=utf-8, {GraphQLMediaTypes.Json}; charset=utf-8";
}
