using Microsoft.Extensions.Primitives;
using Troc.Graph.Transport.Http;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

public sealed class ResponseMediaTypeNegotiationTests
{
    [Theory]
    [InlineData(null, Json)]
    [InlineData("", Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("text/html, application/xhtml+xml, */*;q=0.8", Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/json; charset=utf-8", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json; charset=utf-8", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json;q=0.5", Json)]
    [InlineData("application/json;q=0, */*", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json, text/event-stream, multipart/mixed", GraphQLResponseJson)]
    public void The_response_media_type_follows_accept_and_its_qualities(string? accept, string expected)
    {
        Assert.Equal(expected, ResponseMediaTypeNegotiation.Select(new StringValues(accept)));
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/graphql-response+json;q=0")]
    [InlineData("not a media type;;;")]
    public void Nothing_is_selected_when_no_acceptable_media_type_is_offered(string accept)
    {
        Assert.Null(ResponseMediaTypeNegotiation.Select(new StringValues(accept)));
    }
}
