using Troc.Graph.Transport.WebSockets;
using Troc.Tests.Abuse;
using Troc.Tests.Realtime;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Transport.WebSockets;

/// <summary>Sockets are capped per client address and per member, and what a socket runs is capped too.</summary>
public sealed class SocketLimitsAppFactory : AbuseAppFactory
{
    public const int PerAddress = 3;
    public const int PerMember = 2;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"{GraphQLWebSocketOptions.Section}:MaxSocketsPerAddress"] = PerAddress.ToString(),
        [$"{GraphQLWebSocketOptions.Section}:MaxSocketsPerMember"] = PerMember.ToString(),
    };

    public Task<TransportWsTestClient> ConnectFromAsync(string ip) =>
        TransportWsTestClient.ConnectAsync(Server, [TransportWsProtocol.SubProtocol], request => request.Headers[ClientIpHeader] = ip);
}

public sealed class SocketLimitTests(SocketLimitsAppFactory app) : IClassFixture<SocketLimitsAppFactory>
{
    [Fact]
    public async Task A_socket_past_its_addresss_limit_is_closed_with_4429_and_other_addresses_are_not_affected()
    {
        var open = new List<TransportWsTestClient>();
        for (var i = 0; i < SocketLimitsAppFactory.PerAddress; i++)
        {
            open.Add(await app.ConnectFromAsync("10.0.18.61"));
            await open[^1].InitAsync();
        }

        await using var refused = await app.ConnectFromAsync("10.0.18.61");
        await using var elsewhere = await app.ConnectFromAsync("10.0.18.62");
        await elsewhere.InitAsync();

        var (code, reason) = await refused.ReceiveCloseAsync();
        Assert.Equal(4429, code);
        Assert.Equal("Too many connections from this address", reason);

        // A socket that closes makes room for another.
        await open[0].CloseAsync();
        await Eventually.TrueAsync(async () =>
        {
            await using var retry = await app.ConnectFromAsync("10.0.18.61");
            await retry.SendAsync(new { type = "connection_init" });
            return (string?)(await retry.ReceiveFrameAsync()).Message?["type"] == "connection_ack";
        }, "a new socket from the address is acknowledged once one of its sockets closed");
        foreach (var socket in open) await socket.DisposeAsync();
    }

    [Fact]
    public async Task A_members_socket_past_their_limit_is_closed_with_4429_at_connection_init()
    {
        var account = await RegisterAsync(app.CreateClientFrom("10.0.18.63"));
        var other = await RegisterAsync(app.CreateClientFrom("10.0.18.64"));
        var open = new List<TransportWsTestClient>();
        // From several addresses: the member's limit holds wherever their sockets come from.
        for (var i = 0; i < SocketLimitsAppFactory.PerMember; i++)
        {
            open.Add(await app.ConnectFromAsync($"10.0.18.{70 + i}"));
            await open[^1].InitAsync(new { authorization = $"Bearer {account.AccessToken}" });
        }

        await using var refused = await app.ConnectFromAsync("10.0.18.79");
        await refused.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {account.AccessToken}" } });
        await using var otherMember = await app.ConnectFromAsync("10.0.18.79");
        await otherMember.InitAsync(new { authorization = $"Bearer {other.AccessToken}" });

        var (code, reason) = await refused.ReceiveCloseAsync();
        Assert.Equal(4429, code);
        Assert.Equal("Too many connections for this account", reason);
        foreach (var socket in open) await socket.DisposeAsync();
    }
}

/// <summary>Operations on a socket count against the request limit of its address, as HTTP requests do (5 a minute here).</summary>
public sealed class SocketOperationRateLimitTests(GlobalLimitAppFactory app) : IClassFixture<GlobalLimitAppFactory>
{
    [Fact]
    public async Task Past_the_request_limit_an_operation_is_refused_with_rate_limited_and_the_socket_stays_open()
    {
        await using var socket = await TransportWsTestClient.ConnectAsync(app.Server, [TransportWsProtocol.SubProtocol],
            request => request.Headers[AbuseAppFactory.ClientIpHeader] = "10.0.18.81");
        await socket.InitAsync();

        // The upgrade was the first request of the minute; four operations make five.
        for (var i = 1; i <= 4; i++)
        {
            await socket.SubscribeAsync($"q{i}", "{ __typename }");
            Assert.Equal("next", (string?)(await socket.ReceiveMessageAsync())["type"]);
            Assert.Equal("complete", (string?)(await socket.ReceiveMessageAsync())["type"]);
        }
        await socket.SubscribeAsync("q5", "{ __typename }");
        var refusal = await socket.ReceiveMessageAsync();

        Assert.Equal("error", (string?)refusal["type"]);
        Assert.Equal("q5", (string?)refusal["id"]);
        Assert.Equal("RATE_LIMITED", (string?)refusal["payload"]![0]!["extensions"]!["code"]);
        Assert.InRange((int)refusal["payload"]![0]!["extensions"]!["retryAfterSeconds"]!, 1, 60);
        Assert.Empty(await socket.PingAndCollectUntilPongAsync("still-open"));
        // HTTP from the same address shares the counter.
        Assert.Equal(429, (await app.CreateClientFrom("10.0.18.81").PostAsync("{ __typename }")).StatusCode);
    }
}

/// <summary>A socket may run three operations at once.</summary>
public sealed class FewOperationsAppFactory : WebSocketAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{GraphQLWebSocketOptions.Section}:MaxOperationsPerSocket"] = "3",
    };
}

public sealed class SocketOperationLimitTests(FewOperationsAppFactory app) : IClassFixture<FewOperationsAppFactory>
{
    [Fact]
    public async Task An_operation_past_the_sockets_limit_is_refused_until_another_ends()
    {
        await using var socket = await app.ConnectAsync();
        await socket.InitAsync();
        for (var i = 1; i <= 3; i++)
        {
            await socket.SubscribeAsync($"t{i}", $$"""subscription { ticks(label: "cap-{{i}}") { number } }""");
            var id = $"t{i}";
            await socket.ReceiveUntilAsync(message => (string?)message["id"] == id);
        }

        await socket.SubscribeAsync("t4", """subscription { ticks(label: "cap-4") { number } }""");
        var refusal = await socket.ReceiveUntilAsync(message => (string?)message["id"] == "t4");

        Assert.Equal("error", (string?)refusal["type"]);
        Assert.Equal("TOO_MANY_OPERATIONS", (string?)refusal["payload"]![0]!["extensions"]!["code"]);

        // The client's complete frees its place at once: the next subscribe is read after it.
        await socket.SendAsync(new { id = "t1", type = "complete" });
        await socket.SubscribeAsync("t5", """subscription { ticks(label: "cap-5") { number } }""");
        var accepted = await socket.ReceiveUntilAsync(message => (string?)message["id"] == "t5");
        Assert.Equal("next", (string?)accepted["type"]);
    }
}
