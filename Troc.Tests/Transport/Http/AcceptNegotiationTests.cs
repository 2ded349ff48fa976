using Troc.Tests.Infrastructure;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

public sealed class AcceptNegotiationTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/json", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponseJson)]
    public async Task The_server_answers_in_the_negotiated_media_type(string? accept, string expected)
    {
        var response = await PostAsync(_client, """{"query":"{ __typename }"}""", accept: accept);

        response.Is(200, expected);
    }

    [Fact]
    public async Task An_unsupported_accept_is_406_listing_what_would_work()
    {
        var response = await PostAsync(_client, """{"query":"{ __typename }"}""", accept: "application/xml");

        response.IsError(406, Json, "NOT_ACCEPTABLE");
        Assert.Equal(
            "Cannot answer with any media type in Accept 'application/xml': accept application/graphql-response+json or application/json.",
            response.FirstErrorMessage);
        Assert.Contains(GraphQLResponseJson, response.Header("Accept"));
        response.MatchSnapshot();
    }
}
