using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Troc.Tests.Node;
using Troc.Tests.Infrastructure;
using Troc.Tests.Transport.WebSockets;
using Troc.Tests.Users;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Authorization;

/// <summary>Access tokens in connection_init, against the real schema: same verdicts as over HTTP, and revocation closes sockets.</summary>
public sealed class WebSocketAuthenticationTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private Task<TransportWsTestClient> ConnectAsync(TrocAppFactory host) =>
        TransportWsTestClient.ConnectAsync(host.Server, ["graphql-transport-ws"]);

    private static async Task<JsonObject> RunAsync(TransportWsTestClient socket, string id, string query)
    {
        await socket.SubscribeAsync(id, query);
        while (true)
        {
            // Skips the `complete` that follows an earlier operation's result.
            var message = await socket.ReceiveMessageAsync();
            if ((string?)message["id"] == id && (string?)message["type"] is "next" or "error") return message;
        }
    }

    [Fact]
    public async Task A_valid_token_authenticates_the_socket_for_every_operation()
    {
        var account = await RegisterAsync(app.CreateGraphQLClient());
        await using var socket = await ConnectAsync(app);

        await socket.InitAsync(new { authorization = $"Bearer {account.AccessToken}" });
        var me = await RunAsync(socket, "me", "{ me { id email } }");

        Assert.Equal("next", (string?)me["type"]);
        Assert.Equal(account.UserId, (string?)me["payload"]!["data"]!["me"]!["id"]);
        Assert.Equal(account.Email, (string?)me["payload"]!["data"]!["me"]!["email"]);
    }

    [Theory]
    [MemberData(nameof(TamperedTokenTests.Tamperings), MemberType = typeof(TamperedTokenTests))]
    public async Task A_tampered_token_closes_the_socket_with_4403(string tampering)
    {
        var account = await RegisterAsync(app.CreateGraphQLClient());
        await using var socket = await ConnectAsync(app);

        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {TamperedTokenTests.Tamper(account.AccessToken, tampering)}" } });

        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_revoked_session_cannot_open_a_socket()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        await client.PostAsync(Logout, new { input = new { refreshToken = account.RefreshToken } });
        await using var socket = await ConnectAsync(app);

        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {account.AccessToken}" } });

        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task An_anonymous_socket_runs_only_anonymous_operations()
    {
        await using var socket = await ConnectAsync(app);
        await socket.InitAsync();

        var me = await RunAsync(socket, "me", "{ me { id } }");
        var mutation = await RunAsync(socket, "out", "mutation { logoutEverywhere { endedSessions } }");

        Assert.Equal("next", (string?)me["type"]);
        Assert.Null(me["payload"]!["data"]!["me"]);
        Assert.Equal("error", (string?)mutation["type"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)mutation["payload"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task LogoutEverywhere_closes_that_users_sockets_and_no_one_elses()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var bystander = await RegisterAsync(client);
        await using var first = await ConnectAsync(app);
        await first.InitAsync(new { authorization = $"Bearer {account.AccessToken}" });
        var second = await LoginAsync(client, account.Email, account.Password);
        await using var other = await ConnectAsync(app);
        await other.InitAsync(new { authorization = $"Bearer {second.AccessToken}" });
        await using var unrelated = await ConnectAsync(app);
        await unrelated.InitAsync(new { authorization = $"Bearer {bystander.AccessToken}" });

        (await client.As(account.AccessToken).PostAsync(LogoutEverywhere)).EnsureNoErrors();

        Assert.Equal(4403, (await first.ReceiveCloseAsync()).Code);
        Assert.Equal(4403, (await other.ReceiveCloseAsync()).Code);
        Assert.Empty(await unrelated.PingAndCollectUntilPongAsync("still-open"));
    }

    [Fact]
    public async Task Logout_closes_that_sessions_sockets_but_not_the_members_other_sessions()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var otherSession = await LoginAsync(client, account.Email, account.Password);
        await using var loggedOut = await ConnectAsync(app);
        await loggedOut.InitAsync(new { authorization = $"Bearer {account.AccessToken}" });
        await using var stillSignedIn = await ConnectAsync(app);
        await stillSignedIn.InitAsync(new { authorization = $"Bearer {otherSession.AccessToken}" });

        var logout = await client.PostAsync(Logout, new { input = new { refreshToken = account.RefreshToken } });
        Assert.Empty(logout.EnsureNoErrors().Data!["logout"]!["errors"]!.AsArray());

        Assert.Equal(4403, (await loggedOut.ReceiveCloseAsync()).Code);
        var me = await RunAsync(stillSignedIn, "me", "{ me { email } }");
        Assert.Equal(account.Email, (string?)me["payload"]!["data"]!["me"]!["email"]);
    }

    [Fact]
    public async Task ChangePassword_closes_the_other_sessions_sockets_but_keeps_this_one()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var elsewhere = await LoginAsync(client, account.Email, account.Password);
        await using var here = await ConnectAsync(app);
        await here.InitAsync(new { authorization = $"Bearer {account.AccessToken}" });
        await using var there = await ConnectAsync(app);
        await there.InitAsync(new { authorization = $"Bearer {elsewhere.AccessToken}" });

        var changed = await client.As(account.AccessToken).PostAsync(ChangePassword,
            new { input = new { currentPassword = account.Password, newPassword = "trois petits chats blancs" } });
        Assert.Empty(changed.EnsureNoErrors().Data!["changePassword"]!["errors"]!.AsArray());

        Assert.Equal(4403, (await there.ReceiveCloseAsync()).Code);
        Assert.Empty(await here.PingAndCollectUntilPongAsync("still-open"));
    }
}

/// <summary>Two hosts on one database and one Redis, as two replicas behind a load balancer.</summary>
public sealed class CrossReplicaRevocationTests : IAsyncLifetime
{
    private readonly TrocAppFactory _replicaA = new();
    private SecondReplica? _replicaB;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_replicaA).InitializeAsync();
        _replicaB = new SecondReplica(_replicaA.DatabaseName);
        await ((IAsyncLifetime)_replicaB).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_replicaB is not null) await ((IAsyncLifetime)_replicaB).DisposeAsync();
        await ((IAsyncLifetime)_replicaA).DisposeAsync();
    }

    [Fact]
    public async Task LogoutEverywhere_on_one_replica_closes_the_users_socket_on_the_other()
    {
        var clientA = _replicaA.CreateGraphQLClient();
        var account = await RegisterAsync(clientA);
        await using var socketOnB = await TransportWsTestClient.ConnectAsync(_replicaB!.Server, ["graphql-transport-ws"]);
        await socketOnB.InitAsync(new { authorization = $"Bearer {account.AccessToken}" });

        (await clientA.As(account.AccessToken).PostAsync(LogoutEverywhere)).EnsureNoErrors();

        Assert.Equal(4403, (await socketOnB.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Logout_on_one_replica_closes_the_sessions_socket_on_the_other()
    {
        var clientA = _replicaA.CreateGraphQLClient();
        var account = await RegisterAsync(clientA);
        await using var socketOnB = await TransportWsTestClient.ConnectAsync(_replicaB!.Server, ["graphql-transport-ws"]);
        await socketOnB.InitAsync(new { authorization = $"Bearer {account.AccessToken}" });

        (await clientA.PostAsync(Logout, new { input = new { refreshToken = account.RefreshToken } })).EnsureNoErrors();

        Assert.Equal(4403, (await socketOnB.ReceiveCloseAsync()).Code);
    }

    private sealed class SecondReplica(string sharedDatabase) : TrocAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Troc"] = TestDatabase.ConnectionStringFor(sharedDatabase),
        };
    }
}

/// <summary>Access tokens that live two seconds, to see a socket outlive its token without waiting fifteen minutes.</summary>
public sealed class ShortLivedTokensAppFactory : TrocAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:AccessTokenLifetime"] = "00:00:02",
    };
}

public sealed class AccessTokenExpiryTests(ShortLivedTokensAppFactory app) : IClassFixture<ShortLivedTokensAppFactory>
{
    [Fact]
    public async Task A_socket_is_closed_with_4403_when_its_access_token_expires()
    {
        var account = await RegisterAsync(app.CreateGraphQLClient());
        await using var socket = await TransportWsTestClient.ConnectAsync(app.Server, ["graphql-transport-ws"]);
        await socket.InitAsync(new { authorization = $"Bearer {account.AccessToken}" });

        var (code, reason) = await socket.ReceiveCloseAsync();

        Assert.Equal(4403, code);
        Assert.Contains("expired", reason);
    }
}

/// <summary>The real host with two-second access tokens on a real Kestrel port, for the npm graphql-ws client.</summary>
public sealed class ShortLivedTokensKestrelAppFactory : TrocAppFactory
{
    public ShortLivedTokensKestrelAppFactory() => UseKestrel(0);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:AccessTokenLifetime"] = "00:00:02",
    };

    /// <summary>Starts Kestrel (once) and returns the address it listens on.</summary>
    public Uri StartAndGetAddress()
    {
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}

public sealed class GraphQLWsReconnectTests(ShortLivedTokensKestrelAppFactory app) : IClassFixture<ShortLivedTokensKestrelAppFactory>
{
    [Fact]
    public async Task The_graphql_ws_client_reconnects_with_fresh_credentials_when_its_token_expires()
    {
        var address = app.StartAndGetAddress();
        var url = new UriBuilder(address) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();
        var client = new GraphQLClient(new HttpClient { BaseAddress = address });
        var account = await RegisterAsync(client);
        var fresh = await LoginAsync(client, account.Email, account.Password);

        var run = await NodeScript.RunAsync("ws-reconnect.mjs", [url, account.AccessToken, fresh.AccessToken], TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, $"ws-reconnect.mjs exited with {run.ExitCode}: {run.Errors}\n{run.Output}");
        var report = JsonNode.Parse(run.Output)!;

        Assert.Null(report["error"]);
        Assert.Equal(4403, (int)report["closed"]![0]!["code"]!);
        Assert.Contains("expired", (string?)report["closed"]![0]!["reason"]);
        Assert.Equal(["expiring", "fresh"], report["tokensAsked"]!.AsArray().Select(token => (string?)token).Take(2));
        Assert.Equal(2, (int)report["connected"]!);
    }
}
