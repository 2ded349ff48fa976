using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace Troc.Tests.Transport.WebSockets;

/// <summary>
/// Speaks <c>graphql-transport-ws</c> frame by frame over TestServer's in-memory WebSocket, so tests see exactly
/// what the server sends, including close codes and reasons.
/// </summary>
public sealed class TransportWsTestClient : IAsyncDisposable
{
    /// <summary>How long to wait for any one frame: generous, machines running the tests are shared and noisy.</summary>
    public static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(20);

    private readonly WebSocket _socket;

    private TransportWsTestClient(WebSocket socket) => _socket = socket;

    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>Opens a socket; <paramref name="configureRequest"/> may set headers of the upgrade request (Origin…).</summary>
    public static async Task<TransportWsTestClient> ConnectAsync(
        TestServer server, IEnumerable<string> subProtocols, Action<Microsoft.AspNetCore.Http.HttpRequest>? configureRequest = null)
    {
        var client = server.CreateWebSocketClient();
        foreach (var subProtocol in subProtocols) client.SubProtocols.Add(subProtocol);
        if (configureRequest is not null) client.ConfigureRequest = configureRequest;
        var uri = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        using var timeout = new CancellationTokenSource(FrameTimeout);
        return new TransportWsTestClient(await client.ConnectAsync(uri, timeout.Token));
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(FrameTimeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    /// <summary>Sends connection_init and expects connection_ack.</summary>
    public async Task InitAsync(object? payload = null)
    {
        await SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload });
        var ack = await ReceiveMessageAsync();
        Assert.Equal("connection_ack", (string?)ack["type"]);
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next frame, which must be a message (not a close).</summary>
    public async Task<JsonObject> ReceiveMessageAsync()
    {
        var frame = await ReceiveFrameAsync();
        Assert.True(frame.Message is not null, $"Expected a message, but the server closed the socket: {frame.CloseCode} {frame.CloseReason}");
        return frame.Message!;
    }

    /// <summary>Skips messages (ticks of other operations…) until one matches.</summary>
    public async Task<JsonObject> ReceiveUntilAsync(Func<JsonObject, bool> matches)
    {
        while (true)
        {
            var message = await ReceiveMessageAsync();
            if (matches(message)) return message;
        }
    }

    /// <summary>Reads frames until the server closes the socket; returns its close code and reason.</summary>
    public async Task<(int Code, string Reason)> ReceiveCloseAsync()
    {
        while (true)
        {
            var frame = await ReceiveFrameAsync();
            if (frame.CloseCode is { } code) return (code, frame.CloseReason!);
        }
    }

    public async Task<Frame> ReceiveFrameAsync()
    {
        using var timeout = new CancellationTokenSource(FrameTimeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                // Complete the close handshake, as a well-behaved client does.
                if (_socket.State == WebSocketState.CloseReceived)
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
                return new Frame(null, (int?)result.CloseStatus ?? 0, result.CloseStatusDescription ?? "");
            }
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return new Frame(JsonNode.Parse(message.ToArray())!.AsObject(), null, null);
    }

    /// <summary>Sends a ping with a marker and returns every message received before its pong.</summary>
    public async Task<List<JsonObject>> PingAndCollectUntilPongAsync(string marker)
    {
        await SendAsync(new { type = "ping", payload = new { marker } });
        var before = new List<JsonObject>();
        while (true)
        {
            var message = await ReceiveMessageAsync();
            if ((string?)message["type"] == "pong" && (string?)message["payload"]?["marker"] == marker) return before;
            before.Add(message);
        }
    }

    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(FrameTimeout);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "Bye", timeout.Token);
    }

    /// <summary>Drops the connection without a close handshake, like a phone losing its network.</summary>
    public void Abort() => _socket.Abort();

    public ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open) _socket.Abort();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Compares JSON by value, so escaping choices (é or \u00E9) and spacing do not matter.</summary>
    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected} but got {actual?.ToJsonString()}");

    public sealed record Frame(JsonObject? Message, int? CloseCode, string? CloseReason);
}
