using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Troc.Graph.Realtime;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Realtime;

public sealed class RealtimeHostingTests
{
    private readonly LogCollector _logs = new();

    private IHost BuildHost(string? redisConfiguration)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(_logs);
        // Set explicitly, so a Redis__Configuration environment variable cannot decide for the test.
        builder.Configuration["Redis:Configuration"] = redisConfiguration ?? "";
        builder.Services.AddTrocRealtime(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Without_redis_configuration_the_in_memory_bus_is_used_and_said()
    {
        using var host = BuildHost(redisConfiguration: null);
        await host.StartAsync();

        var receiver = host.Services.GetRequiredService<ITopicEventReceiver>();
        Assert.IsType<InMemoryTopicEventBus>(receiver);
        Assert.Same(receiver, host.Services.GetRequiredService<ITopicEventSender>());
        Assert.Null(host.Services.GetService<IConnectionMultiplexer>());
        Assert.True(_logs.Contains(LogLevel.Information, "in-memory event bus"), _logs.Dump());
        await host.StopAsync();
    }

    [Fact]
    public async Task With_redis_configuration_the_redis_bus_is_used_on_the_shared_multiplexer_and_said()
    {
        using var host = BuildHost(TestDatabase.RedisConfiguration);
        await host.StartAsync();

        var bus = Assert.IsType<RedisTopicEventBus>(host.Services.GetRequiredService<ITopicEventReceiver>());
        Assert.Same(bus, host.Services.GetRequiredService<ITopicEventSender>());
        Assert.Equal("troc:", bus.ChannelPrefix);
        Assert.True(host.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected);
        Assert.True(_logs.Contains(LogLevel.Information, "Redis event bus at"), _logs.Dump());

        // Round trip through the registered bus, on a topic nobody else uses.
        var topic = $"hosting-test:{Guid.NewGuid():N}";
        var observer = new RecordingObserver<MessageAdded>();
        using (( await bus.SubscribeAsync<MessageAdded>(topic)).Subscribe(observer))
        {
            var sent = MessageAdded.New();
            await bus.SendAsync(topic, sent);
            Assert.Equal(sent, await observer.NextAsync());
        }
        await host.StopAsync();
    }

    [Fact]
    public async Task The_app_refuses_to_start_when_redis_is_unreachable_and_says_where_it_looked()
    {
        var closedPort = ThrowawayRedisServer.FreeTcpPort();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            // Never opened: the host must stop at Redis before anything touches PostgreSQL.
            builder.UseSetting("ConnectionStrings:Troc", TestDatabase.ConnectionStringFor("troc_unused"));
            builder.UseSetting("Redis:Configuration", $"127.0.0.1:{closedPort}");
            builder.UseSetting("Auth:SigningKey", TrocAppFactory.TestSigningKey);
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var unreachable = Assert.IsType<InvalidOperationException>(error);
        Assert.Contains($"Redis is unreachable at 127.0.0.1:{closedPort}", unreachable.Message);
    }
}
