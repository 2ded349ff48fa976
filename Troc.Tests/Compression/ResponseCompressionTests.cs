using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Compression;

/// <summary>The real host on a real Kestrel port: compression is decided from the headers a real client sends.</summary>
public sealed class KestrelAppFactory : TrocAppFactory
{
    public KestrelAppFactory() => UseKestrel(0);
}

/// <summary>
/// GraphQL results are compressed with Brotli or gzip when the client accepts it, decode to exactly the bytes an
/// uncompressed answer carries, and WebSocket upgrades go through untouched.
/// </summary>
public sealed class ResponseCompressionTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    private const string Query = """{"query":"{ categories { slug label children { slug label } } }"}""";

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    public async Task A_graphql_result_is_compressed_in_the_encoding_the_client_prefers(string acceptEncoding, string expected)
    {
        using var http = RawClient();
        var plain = await PostAsync(http, acceptEncoding: null);
        var compressed = await PostAsync(http, acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, compressed.Status);
        Assert.Equal([expected], compressed.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Vary);
        Assert.Equal("application/graphql-response+json", compressed.MediaType);
        Assert.True(compressed.Body.Length * 2 < plain.Body.Length,
            $"{expected}: {compressed.Body.Length} bytes for {plain.Body.Length} uncompressed");
        Assert.Equal(plain.Body, RawHttp.Decode(expected, compressed.Body));
        Assert.True(JsonNode.Parse(plain.Body)!["data"]!["categories"]!.AsArray().Count > 5);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("deflate")]
    public async Task A_client_that_accepts_no_encoding_we_offer_gets_the_result_as_it_is(string? acceptEncoding)
    {
        using var http = RawClient();
        var response = await PostAsync(http, acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.ContentEncoding);
        Assert.True(JsonNode.Parse(response.Body)!["data"]!["categories"]!.AsArray().Count > 5);
    }

    [Fact]
    public async Task A_websocket_opened_by_a_browser_that_accepts_brotli_speaks_plain_frames()
    {
        var address = app.StartKestrel();
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        // Browsers send it on the upgrade request too.
        socket.Options.SetRequestHeader("Accept-Encoding", "gzip, deflate, br");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new UriBuilder(address) { Scheme = "ws", Path = "/graphql" }.Uri, timeout.Token);

        await SendAsync(socket, """{"type":"connection_init"}""", timeout.Token);
        var ack = await ReceiveAsync(socket, timeout.Token);
        await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"{ categories { slug } }"}}""", timeout.Token);
        var next = await ReceiveAsync(socket, timeout.Token);
        var complete = await ReceiveAsync(socket, timeout.Token);

        Assert.Equal("graphql-transport-ws", socket.SubProtocol);
        Assert.Equal("connection_ack", (string?)ack["type"]);
        Assert.Equal("next", (string?)next["type"]);
        Assert.True(next["payload"]!["data"]!["categories"]!.AsArray().Count > 5);
        Assert.Equal("complete", (string?)complete["type"]);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
    }

    private sealed record RawResponse(HttpStatusCode Status, string? MediaType, IReadOnlyList<string> ContentEncoding, IReadOnlyList<string> Vary, byte[] Body);

    private HttpClient RawClient() => RawHttp.ClientFor(app);

    private static async Task<RawResponse> PostAsync(HttpClient http, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(Query, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await http.SendAsync(request);
        return new RawResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentEncoding.ToList(), response.Headers.Vary.ToList(), await response.Content.ReadAsByteArrayAsync());
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!;
    }
}
