using System.Net;
using System.Text;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

/// <summary>The default limits: 1 MB of JSON, 10 operations per batch.</summary>
public sealed class RequestLimitTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_five_megabyte_document_is_refused_with_413_before_it_is_parsed()
    {
        var document = "{ " + string.Concat(Enumerable.Repeat("__typename ", 5 * 1024 * 1024 / 11)) + "}";

        var response = await PostAsync(_client, $$"""{"query":"{{document}}"}""");

        response.IsError(413, GraphQLResponseJson, "PAYLOAD_TOO_LARGE");
        Assert.Equal("The request body exceeds the limit of 1048576 bytes.", response.FirstErrorMessage);
        response.MatchSnapshot();
    }

    [Fact]
    public async Task A_body_of_unannounced_length_is_cut_off_at_the_limit_too()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"query":"{{new string(' ', 2 * 1024 * 1024)}}{ __typename }"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new UnknownLengthContent(body) };
        request.Content.Headers.ContentType = new("application/json");

        var response = await ReadAsync(await _client.SendAsync(request));

        response.IsError(413, Json, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task A_batch_answers_an_array_in_request_order_each_with_its_own_errors()
    {
        var response = await PostAsync(_client,
            """[{"query":"{ __typename }"},{"query":"{ noSuchField }"},{"query":"query($n: String!) { __type(name: $n) { name } }","variables":{"n":"Category"}}]""");

        response.Is(200, GraphQLResponseJson);
        var results = response.BodyJson.AsArray();
        Assert.Equal(3, results.Count);
        Assert.Equal("Query", results[0]!["data"]!["__typename"]!.GetValue<string>());
        Assert.Contains("noSuchField", results[1]!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("Category", results[2]!["data"]!["__type"]!["name"]!.GetValue<string>());
        response.MatchSnapshot();
    }

    [Fact]
    public async Task A_batch_over_the_maximum_is_a_400_saying_the_limit()
    {
        var batch = "[" + string.Join(",", Enumerable.Repeat("""{"query":"{ __typename }"}""", 11)) + "]";

        var response = await PostAsync(_client, batch);

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.Equal(
            "The batch holds 11 operations; at most 10 are allowed in one request. Split it into smaller batches.",
            response.FirstErrorMessage);
        response.MatchSnapshot();
    }

    [Fact]
    public async Task A_batch_of_exactly_the_maximum_runs()
    {
        var batch = "[" + string.Join(",", Enumerable.Repeat("""{"query":"{ __typename }"}""", 10)) + "]";

        var response = await PostAsync(_client, batch);

        response.Is(200, GraphQLResponseJson);
        Assert.Equal(10, response.BodyJson.AsArray().Count);
    }

    [Fact]
    public async Task An_empty_batch_is_a_400()
    {
        var response = await PostAsync(_client, "[]");

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.StartsWith("The batch is empty", response.FirstErrorMessage);
    }

    [Fact]
    public async Task A_malformed_item_refuses_the_whole_batch_naming_its_index()
    {
        var response = await PostAsync(_client, """[{"query":"{ __typename }"},{"query":"{ __typename }","variables":7}]""");

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.Equal("Batch item 1: \"variables\" must be a JSON object or null, not a number.", response.FirstErrorMessage);
    }

    /// <summary>Sent chunked, without Content-Length, as a streaming client would.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}

/// <summary>Limits come from "Graph:Http": a deployment can tighten them without a rebuild.</summary>
public sealed class ConfiguredRequestLimitTests(ConfiguredRequestLimitTests.SmallLimitsApp app)
    : IClassFixture<ConfiguredRequestLimitTests.SmallLimitsApp>
{
    public sealed class SmallLimitsApp : TrocAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Graph:Http:MaxRequestBytes"] = "2048",
            ["Graph:Http:MaxBatchSize"] = "2",
        };
    }

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task The_configured_body_limit_applies()
    {
        var response = await PostAsync(_client, $$"""{"query":"{ __typename }{{new string(' ', 2048)}}"}""");

        response.IsError(413, GraphQLResponseJson, "PAYLOAD_TOO_LARGE");
        Assert.Equal("The request body exceeds the limit of 2048 bytes.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task The_configured_batch_limit_applies()
    {
        var response = await PostAsync(_client, """[{"query":"{ __typename }"},{"query":"{ __typename }"},{"query":"{ __typename }"}]""");

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.StartsWith("The batch holds 3 operations; at most 2 are allowed", response.FirstErrorMessage);
    }
}
