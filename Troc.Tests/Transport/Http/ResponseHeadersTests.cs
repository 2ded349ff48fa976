using Troc.Tests.Abuse;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

/// <summary>Every GraphQL response, answer or refusal, is JSON nobody may sniff and nobody may cache.</summary>
public sealed class ResponseHeadersTests(GlobalLimitAppFactory app) : IClassFixture<GlobalLimitAppFactory>
{
    [Fact]
    public async Task Answers_and_refusals_of_graphql_are_neither_sniffed_nor_cached()
    {
        var client = app.CreateClientFrom("10.0.18.10").Http;
        var responses = new Dictionary<string, HttpExchange>
        {
            ["POST"] = await PostAsync(client, """{"query": "{ __typename }"}"""),
            ["GET"] = await GetAsync(client, "{ __typename }"),
            ["batch"] = await PostAsync(client, """[{"query": "{ __typename }"}]"""),
            ["400"] = await PostAsync(client, """{"query": """),
            ["401"] = await SendAsync(client, HttpMethod.Post, "/graphql", """{"query": "{ __typename }"}""", Json, Json,
                new Dictionary<string, string> { ["Authorization"] = "Bearer not-a-token" }),
        };
        // The limit is 5 requests a minute from one address: the sixth is refused before it reaches the transport.
        responses["429"] = await PostAsync(client, """{"query": "{ __typename }"}""");

        Assert.Equal(429, responses["429"].StatusCode);
        foreach (var (what, response) in responses)
        {
            Assert.True(response.Header("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options {response.Header("X-Content-Type-Options")}");
            Assert.True(response.Header("Cache-Control") == "no-store", $"{what}: Cache-Control {response.Header("Cache-Control")}");
        }
    }
}
