using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Troc.Graph.Transport.Execution;
using Troc.Tests.Transport.Http;
using Troc.Tests.Transport.WebSockets;
using Troc.Tests.Transport.WebSockets.TestSchema;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Execution;

/// <summary>Requests may run one second, and <c>pending</c> never ends on its own.</summary>
public sealed class ShortDeadlineAppFactory : WebSocketAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{ExecutionLimitsOptions.Section}:ExecutionTimeout"] = "00:00:01",
    };

    public PendingQueries Pending => Services.GetRequiredService<PendingQueries>();
}

/// <summary>Every request runs under a deadline: past it the client gets TIMEOUT and the work is cancelled.</summary>
public sealed class ExecutionDeadlineTests(ShortDeadlineAppFactory app) : IClassFixture<ShortDeadlineAppFactory>, IAsyncLifetime
{
    // A cold host spends its first second initialising the schema: the deadline would pass before `pending` started.
    public async Task InitializeAsync() =>
        (await PostAsync(app.CreateClient(), """{"query": "{ greeting(name: \"warm-up\") }"}""")).Is(200, GraphQLResponseJson);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_http_request_past_its_deadline_answers_timeout_and_its_work_is_cancelled()
    {
        var response = await PostAsync(app.CreateClient(), """{"query": "{ pending(label: \"http\") }"}""");

        response.IsError(503, GraphQLResponseJson, "TIMEOUT");
        Assert.Contains("the 1 s it may take", response.FirstErrorMessage);
        await app.Pending.Cancelled("http").WaitAsync(TransportWsTestClient.FrameTimeout);
    }

    [Fact]
    public async Task A_batch_has_one_deadline_for_all_its_operations()
    {
        var batch = JsonSerializer.Serialize(new[]
        {
            new { query = """{ pending(label: "batch-first") }""" },
            new { query = """{ pending(label: "batch-second") }""" },
        });

        var response = await PostAsync(app.CreateClient(), batch);

        response.Is(200, GraphQLResponseJson);
        var results = response.BodyJson.AsArray();
        Assert.All(results, result => Assert.Equal("TIMEOUT", (string?)result!["errors"]![0]!["extensions"]!["code"]));
        await app.Pending.Cancelled("batch-first").WaitAsync(TransportWsTestClient.FrameTimeout);
        // The first operation used up the request's time: the second never started, rather than getting its own.
        Assert.False(app.Pending.Started("batch-second").IsCompleted);
    }

    [Fact]
    public async Task A_socket_operation_past_its_deadline_answers_timeout_and_its_work_is_cancelled()
    {
        await using var socket = await app.ConnectAsync();
        await socket.InitAsync();
        await socket.SubscribeAsync("slow", """{ pending(label: "socket") }""");

        var message = await socket.ReceiveMessageAsync();

        Assert.Equal("error", (string?)message["type"]);
        Assert.Equal("TIMEOUT", (string?)message["payload"]![0]!["extensions"]!["code"]);
        await app.Pending.Cancelled("socket").WaitAsync(TransportWsTestClient.FrameTimeout);
    }

    [Fact]
    public async Task A_subscription_outlives_the_deadline_which_bounds_only_its_setup()
    {
        await using var socket = await app.ConnectAsync();
        await socket.InitAsync();
        await socket.SubscribeAsync("ticks", """subscription { ticks(label: "deadline") { number } }""");

        // Ticks come every 20 ms: the sixtieth is past the one-second deadline.
        for (var expected = 1; expected <= 60; expected++)
            Assert.Equal(expected, (int?)(await socket.ReceiveMessageAsync())["payload"]!["data"]!["ticks"]!["number"]);
    }
}
