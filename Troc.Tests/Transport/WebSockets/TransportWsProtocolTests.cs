using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Troc.Graph.Transport.WebSockets;
using Troc.Tests.Transport.WebSockets.TestSchema;

namespace Troc.Tests.Transport.WebSockets;

/// <summary>
/// The graphql-transport-ws protocol (graphql-ws's PROTOCOL.md) frame by frame: initialisation, ping/pong,
/// single-result and streaming operations, and every close code.
/// </summary>
public sealed class TransportWsProtocolTests(WebSocketAppFactory app) : IClassFixture<WebSocketAppFactory>
{
    private static readonly TimeSpan Generous = TransportWsTestClient.FrameTimeout;

    [Fact]
    public async Task Init_is_acknowledged_and_a_ping_is_answered_with_a_pong_echoing_its_payload()
    {
        await using var client = await app.ConnectAsync();
        Assert.Equal("graphql-transport-ws", client.SubProtocol);

        await client.SendAsync(new { type = "connection_init" });
        var ack = await client.ReceiveMessageAsync();
        TransportWsTestClient.AssertJson("""{"type":"connection_ack"}""", ack);

        await client.SendAsync(new { type = "ping", payload = new { sentAt = "now" } });
        var pong = await client.ReceiveMessageAsync();
        TransportWsTestClient.AssertJson("""{"type":"pong","payload":{"sentAt":"now"}}""", pong);

        await client.SendAsync(new { type = "ping" });
        TransportWsTestClient.AssertJson("""{"type":"pong"}""", await client.ReceiveMessageAsync());
    }

    [Fact]
    public async Task Ping_works_before_init_and_an_unsolicited_pong_is_ignored()
    {
        await using var client = await app.ConnectAsync();
        await client.SendAsync(new { type = "pong", payload = new { heartbeat = true } });
        var before = await client.PingAndCollectUntilPongAsync("first");
        Assert.Empty(before);
        await client.InitAsync();
    }

    [Fact]
    public async Task A_query_answers_with_one_next_then_complete()
    {
        await using var client = await app.ConnectAsync();
        await client.InitAsync();

        await client.SubscribeAsync("q1", "query Greet($name: String!) { greeting(name: $name) }", new { name = "Zoé" });

        TransportWsTestClient.AssertJson("""{"type":"next","id":"q1","payload":{"data":{"greeting":"Bonjour Zoé !"}}}""", await client.ReceiveMessageAsync());
        TransportWsTestClient.AssertJson("""{"type":"complete","id":"q1"}""", await client.ReceiveMessageAsync());
    }

    [Fact]
    public async Task A_mutation_runs_over_the_socket()
    {
        await using var client = await app.ConnectAsync();
        await client.InitAsync();

        await client.SubscribeAsync("m1", "mutation { first: addToTotal(amount: 2) }");
        var first = await client.ReceiveMessageAsync();
        Assert.Equal("complete", (string?)(await client.ReceiveMessageAsync())["type"]);
        await client.SubscribeAsync("m2", "mutation { second: addToTotal(amount: 3) }");
        var second = await client.ReceiveMessageAsync();

        Assert.Equal("next", (string?)first["type"]);
        // Other tests of this class may add to the total too; the difference is this test's own.
        Assert.Equal(3, (int)second["payload"]!["data"]!["second"]! - (int)first["payload"]!["data"]!["first"]!);
    }

    [Fact]
    public async Task Execution_errors_travel_in_the_next_payload()
    {
        await using var client = await app.ConnectAsync();
        await client.InitAsync();

        await client.SubscribeAsync("e1", "{ boom greeting(name: \"x\") }");

        var next = await client.ReceiveMessageAsync();
        Assert.Equal("next", (string?)next["type"]);
        Assert.Equal("Boom.", (string?)next["payload"]!["errors"]![0]!["message"]);
        Assert.Equal("BOOM", (string?)next["payload"]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("Bonjour x !", (string?)next["payload"]!["data"]!["greeting"]);
        Assert.Equal("complete", (string?)(await client.ReceiveMessageAsync())["type"]);
    }

    [Fact]
    public async Task Validation_and_parse_errors_answer_with_an_error_message_and_no_complete()
    {
        await using var client = await app.ConnectAsync();
        await client.InitAsync();

        await client.SubscribeAsync("v1", "{ noSuchField }");
        var validation = await client.ReceiveMessageAsync();
        await client.SubscribeAsync("v2", "{ greeting(");
        var parse = await client.ReceiveMessageAsync();
        await client.SubscribeAsync("v3", "query($n: String!) { greeting(name: $n) }", new { n = 42 });
        var variables = await client.ReceiveMessageAsync();

        foreach (var (message, id) in new[] { (validation, "v1"), (parse, "v2"), (variables, "v3") })
        {
            Assert.Equal("error", (string?)message["type"]);
            Assert.Equal(id, (string?)message["id"]);
            var errors = Assert.IsType<JsonArray>(message["payload"]);
            Assert.NotEmpty(errors);
            Assert.All(errors, error => Assert.False(string.IsNullOrEmpty((string?)error!["message"])));
        }
        Assert.Contains("noSuchField", (string?)validation["payload"]![0]!["message"]);
        // An error ends the operation: no complete follows, and the id is free again.
        Assert.Empty(await client.PingAndCollectUntilPongAsync("after-errors"));
        await client.SubscribeAsync("v1", "{ greeting(name: \"again\") }");
        Assert.Equal("next", (string?)(await client.ReceiveMessageAsync())["type"]);
    }

    [Fact]
    public async Task A_subscription_streams_every_event_then_completes_each_event_in_its_own_scope()
    {
        await using var client = await app.ConnectAsync();
        await client.InitAsync(new { authorization = "Bearer valid:alice" });

        await client.SubscribeAsync("s1", "subscription { counter(upTo: 3) { value scopeId loadedBy viewer } }");
        var events = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            var next = await client.ReceiveMessageAsync();
            Assert.Equal("next", (string?)next["type"]);
            Assert.Equal("s1", (string?)next["id"]);
            Assert.Null(next["payload"]!["errors"]);
            events.Add(next["payload"]!["data"]!["counter"]!);
        }
        TransportWsTestClient.AssertJson("""{"type":"complete","id":"s1"}""", await client.ReceiveMessageAsync());

        Assert.Equal([1, 2, 3], events.Select(e => (int)e["value"]!));
        Assert.All(events, e => Assert.Equal("alice", (string?)e["viewer"]));
        // A fresh DI scope per event: scoped services, batch loaders among them, never carry one event's state
        // (or cached loads) into the next.
        Assert.Equal(3, events.Select(e => (string?)e["scopeId"]).Distinct().Count());
        Assert.Equal(3, events.Select(e => (string?)e["loadedBy"]).Distinct().Count());
    }

    [Fact]
    public async Task Every_scope_opened_for_operations_and_events_is_disposed()
    {
        await using (var client = await app.ConnectAsync())
        {
            await client.InitAsync();
            await client.SubscribeAsync("a", "{ scopeId }");
            await client.SubscribeAsync("b", "subscription { counter(upTo: 2) { scopeId } }");
            var completed = 0;
            while (completed < 2)
                if ((string?)(await client.ReceiveMessageAsync())["type"] == "complete") completed++;
        }
        await Eventually(() => app.Scopes.Created == app.Scopes.Disposed);
    }

    [Fact]
    public async Task A_query_and_its_events_run_as_the_sockets_user()
    {
        await using var anonymous = await app.ConnectAsync();
        await anonymous.InitAsync();
        await anonymous.SubscribeAsync("w", "{ viewer }");
        TransportWsTestClient.AssertJson("""{"viewer":null}""", (await anonymous.ReceiveMessageAsync())["payload"]!["data"]!);

        await using var alice = await app.ConnectAsync();
        await alice.InitAsync(new { authorization = "Bearer valid:alice" });
        await alice.SubscribeAsync("w", "{ viewer }");
        TransportWsTestClient.AssertJson("""{"viewer":"alice"}""", (await alice.ReceiveMessageAsync())["payload"]!["data"]!);
    }

    [Fact]
    public async Task The_clients_complete_stops_the_stream_and_disposes_its_subscription()
    {
        const string label = "complete-by-client";
        await using var client = await app.ConnectAsync();
        await client.InitAsync();
        await client.SubscribeAsync("t1", $$"""subscription { ticks(label: "{{label}}") { label number } }""");
        Assert.Equal(1, (int)(await client.ReceiveMessageAsync())["payload"]!["data"]!["ticks"]!["number"]!);
        Assert.Equal(2, (int)(await client.ReceiveMessageAsync())["payload"]!["data"]!["ticks"]!["number"]!);

        await client.SendAsync(new { id = "t1", type = "complete" });

        await app.Ticks.Unsubscribed(label).WaitAsync(Generous);
        Assert.Equal(0, app.Ticks.ActiveSubscriptions(label));
        // Ticks already on their way before the complete may still arrive (PROTOCOL.md allows it), but the server
        // sends no complete of its own, and once the complete is handled nothing more comes for t1.
        var inFlight = await client.PingAndCollectUntilPongAsync("after-complete");
        Assert.All(inFlight, message => Assert.Equal("next", (string?)message["type"]));
        Assert.Empty(await client.PingAndCollectUntilPongAsync("later"));

        // The id is free again at once.
        await client.SubscribeAsync("t1", "{ greeting(name: \"t1\") }");
        Assert.Equal("Bonjour t1 !", (string?)(await client.ReceiveMessageAsync())["payload"]!["data"]!["greeting"]);
    }

    [Fact]
    public async Task Completing_a_pending_query_cancels_it_and_its_result_is_never_sent()
    {
        const string label = "completed-early";
        var pending = app.Services.GetRequiredService<PendingQueries>();
        await using var client = await app.ConnectAsync();
        await client.InitAsync();
        await client.SubscribeAsync("p", $$"""{ pending(label: "{{label}}") }""");
        await pending.Started(label).WaitAsync(Generous);

        await client.SendAsync(new { id = "p", type = "complete" });

        await pending.Cancelled(label).WaitAsync(Generous);
        Assert.Empty(await client.PingAndCollectUntilPongAsync("after-cancel"));
    }

    [Fact]
    public async Task Dropping_the_connection_cancels_its_running_queries()
    {
        const string label = "dropped-query";
        var pending = app.Services.GetRequiredService<PendingQueries>();
        var client = await app.ConnectAsync();
        await client.InitAsync();
        await client.SubscribeAsync("p", $$"""{ pending(label: "{{label}}") }""");
        await pending.Started(label).WaitAsync(Generous);

        client.Abort();

        await pending.Cancelled(label).WaitAsync(Generous);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task A_completed_id_may_be_reused_for_a_new_operation()
    {
        await using var client = await app.ConnectAsync();
        await client.InitAsync();
        for (var round = 0; round < 3; round++)
        {
            await client.SubscribeAsync("same", "subscription { counter(upTo: 1) { value } }");
            Assert.Equal("next", (string?)(await client.ReceiveMessageAsync())["type"]);
            Assert.Equal("complete", (string?)(await client.ReceiveMessageAsync())["type"]);
        }
    }

    [Fact]
    public async Task Dropping_the_connection_disposes_its_subscriptions()
    {
        const string label = "dropped";
        var client = await app.ConnectAsync();
        await client.InitAsync();
        await client.SubscribeAsync("t", $$"""subscription { ticks(label: "{{label}}") { number } }""");
        await client.SubscribeAsync("u", $$"""subscription { ticks(label: "{{label}}") { number } }""");
        await client.ReceiveMessageAsync();
        await Eventually(() => app.Ticks.ActiveSubscriptions(label) == 2);

        client.Abort();

        await app.Ticks.Unsubscribed(label).WaitAsync(Generous);
        Assert.Equal(0, app.Ticks.ActiveSubscriptions(label));
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Closing_the_connection_disposes_its_subscriptions()
    {
        const string label = "closed";
        await using var client = await app.ConnectAsync();
        await client.InitAsync();
        await client.SubscribeAsync("t", $$"""subscription { ticks(label: "{{label}}") { number } }""");
        await client.ReceiveMessageAsync();

        await client.CloseAsync();

        await app.Ticks.Unsubscribed(label).WaitAsync(Generous);
        Assert.Equal(0, app.Ticks.ActiveSubscriptions(label));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "expected a JSON object")]
    [InlineData("""{"payload":{}}""", "'type' must be a string")]
    [InlineData("""{"type":"shout"}""", "unexpected type 'shout'")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""", "unexpected type 'next'")]
    [InlineData("""{"type":"connection_init","payload":"token"}""", "payload must be an object or null")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ viewer }"}}""", "requires a non-empty string 'id'")]
    [InlineData("""{"type":"subscribe","id":"","payload":{"query":"{ viewer }"}}""", "requires a non-empty string 'id'")]
    [InlineData("""{"type":"subscribe","id":"1"}""", "requires an object 'payload'")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":42}}""", "requires a string 'query'")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ viewer }","variables":[1]}}""", "variables must be an object or null")]
    [InlineData("""{"type":"complete"}""", "requires a non-empty string 'id'")]
    public async Task An_invalid_message_closes_with_4400_and_a_reason(string message, string reasonPart)
    {
        await using var client = await app.ConnectAsync();
        await client.InitAsync();

        await client.SendTextAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.Contains(reasonPart, reason);
    }

    [Fact]
    public async Task Subscribe_before_the_ack_closes_with_4401()
    {
        await using var client = await app.ConnectAsync();
        await client.SubscribeAsync("early", "{ viewer }");
        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task An_authorization_the_bearer_scheme_rejects_closes_with_4403()
    {
        await using var client = await app.ConnectAsync();
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer forged" } });
        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("""{"authorization":"valid:alice"}""")]
    [InlineData("""{"authorization":42}""")]
    [InlineData("""{"authorization":""}""")]
    public async Task An_authorization_that_is_not_a_bearer_token_closes_with_4403(string payload)
    {
        await using var client = await app.ConnectAsync();
        await client.SendTextAsync($$"""{"type":"connection_init","payload":{{payload}}}""");
        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Revoking_a_user_closes_that_users_sockets_with_4403_and_no_other()
    {
        var user = "revoked-" + Guid.NewGuid().ToString("N")[..8];
        await using var revoked = await app.ConnectAsync();
        await revoked.InitAsync(new { authorization = $"Bearer valid:{user}" });
        await using var bystander = await app.ConnectAsync();
        await bystander.InitAsync(new { authorization = "Bearer valid:bystander" });

        var closed = app.Services.GetRequiredService<WebSocketSessions>()
            .CloseWhere(principal => principal.Identity?.Name == user, SocketClosure.Forbidden);

        Assert.Equal(1, closed);
        Assert.Equal((4403, "Forbidden"), await revoked.ReceiveCloseAsync());
        Assert.Empty(await bystander.PingAndCollectUntilPongAsync("still-open"));
        // A closed socket leaves the registry: revoking again finds nothing.
        await Eventually(() => app.Services.GetRequiredService<WebSocketSessions>()
            .CloseWhere(principal => principal.Identity?.Name == user, SocketClosure.Forbidden) == 0);
    }

    [Fact]
    public async Task A_duplicate_active_id_closes_with_4409_and_disposes_everything()
    {
        const string label = "duplicate";
        await using var client = await app.ConnectAsync();
        await client.InitAsync();
        await client.SubscribeAsync("dup", $$"""subscription { ticks(label: "{{label}}") { number } }""");
        await client.ReceiveMessageAsync();

        await client.SubscribeAsync("dup", "{ viewer }");

        Assert.Equal((4409, "Subscriber for dup already exists"), await client.ReceiveCloseAsync());
        await app.Ticks.Unsubscribed(label).WaitAsync(Generous);
    }

    [Fact]
    public async Task A_duplicate_id_sent_back_to_back_closes_with_4409()
    {
        // The second subscribe arrives while the first is still being set up: the id is reserved before any await.
        await using var client = await app.ConnectAsync();
        await client.InitAsync();
        await client.SubscribeAsync("twin", "subscription { ticks(label: \"twins\") { number } }");
        await client.SubscribeAsync("twin", "subscription { ticks(label: \"twins\") { number } }");
        Assert.Equal((4409, "Subscriber for twin already exists"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_long_id_is_cut_to_fit_the_close_reason_limit()
    {
        var id = new string('é', 200);
        await using var client = await app.ConnectAsync();
        await client.InitAsync();
        await client.SubscribeAsync(id, "subscription { ticks(label: \"long-id\") { number } }");
        await client.SubscribeAsync(id, "{ viewer }");
        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4409, code);
        Assert.StartsWith("Subscriber for éé", reason);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(reason) <= 123);
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var client = await app.ConnectAsync();
        await client.InitAsync();
        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009()
    {
        await using var client = await app.ConnectAsync();
        await client.InitAsync();
        var huge = new string('x', 1024 * 1024 + 1);
        await client.SendTextAsync($$$"""{"type":"ping","payload":{"junk":"{{{huge}}}"}}""");
        Assert.Equal((1009, "Message too big"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("graphql-ws")]
    [InlineData("something-else")]
    public async Task Another_sub_protocol_is_refused_with_4406(string subProtocol)
    {
        await using var client = await app.ConnectAsync(subProtocol);
        Assert.Null(client.SubProtocol);
        Assert.Equal((4406, "Subprotocol not acceptable"), await client.ReceiveCloseAsync());
    }

    private static async Task Eventually(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Generous);
        while (!condition())
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
    }
}

/// <summary>Settings that change the protocol's timing, each on a host of its own.</summary>
public sealed class TransportWsTimingTests
{
    public sealed class InitTimeout(ShortInitTimeoutAppFactory app) : IClassFixture<ShortInitTimeoutAppFactory>
    {
        [Fact]
        public async Task A_socket_without_connection_init_is_closed_with_4408()
        {
            await using var client = await app.ConnectAsync();
            Assert.Equal((4408, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
        }
    }

    public sealed class KeepAlive(KeepAliveAppFactory app) : IClassFixture<KeepAliveAppFactory>
    {
        [Fact]
        public async Task The_server_pings_after_the_ack_and_ignores_the_pongs()
        {
            await using var client = await app.ConnectAsync();
            await client.InitAsync();
            for (var i = 0; i < 2; i++)
            {
                TransportWsTestClient.AssertJson("""{"type":"ping"}""", await client.ReceiveMessageAsync());
                await client.SendAsync(new { type = "pong" });
            }
            await client.SubscribeAsync("q", "{ greeting(name: \"still here\") }");
            JsonObject next;
            do next = await client.ReceiveMessageAsync(); while ((string?)next["type"] == "ping");
            Assert.Equal("Bonjour still here !", (string?)next["payload"]!["data"]!["greeting"]);
        }
    }
}
