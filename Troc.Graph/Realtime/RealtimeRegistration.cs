using StackExchange.Redis;

namespace Troc.Graph.Realtime;

public static class RealtimeRegistration
{
    /// <summary>
    /// The topic event bus behind GraphQL subscriptions: Redis when <c>Redis:Configuration</c> is set (every
    /// replica sees every event), in memory otherwise. With Redis, the one <see cref="IConnectionMultiplexer"/>
    /// is registered for other features (health check…) to share, and the host refuses to start when Redis is
    /// unreachable.
    /// </summary>
    public static WebApplicationBuilder AddTrocRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddTrocRealtime(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddTrocRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = RealtimeSettings.From(configuration);
        services.AddSingleton(settings);
        if (settings.UsesRedis)
        {
            services.AddSingleton<IConnectionMultiplexer>(provider => RedisConnection.Connect(
                settings.RedisConfiguration!, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Troc.Graph.Realtime.Redis")));
            services.AddSingleton<TopicEventBus>(provider => new RedisTopicEventBus(
                provider.GetRequiredService<IConnectionMultiplexer>(),
                provider.GetRequiredService<ILogger<RedisTopicEventBus>>(),
                settings.ChannelPrefix,
                settings.SubscriberBufferCapacity));
        }
        else
        {
            services.AddSingleton<TopicEventBus>(provider => new InMemoryTopicEventBus(
                provider.GetRequiredService<ILogger<InMemoryTopicEventBus>>(),
                settings.SubscriberBufferCapacity));
        }
        services.AddSingleton<ITopicEventSender>(provider => provider.GetRequiredService<TopicEventBus>());
        services.AddSingleton<ITopicEventReceiver>(provider => provider.GetRequiredService<TopicEventBus>());
        services.AddHostedService<RealtimeStartup>();
        return services;
    }

    /// <summary>Creates the bus when the host starts, so an unreachable Redis stops the start instead of the first subscription.</summary>
    private sealed class RealtimeStartup(IServiceProvider services, RealtimeSettings settings, ILogger<RealtimeStartup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var bus = services.GetRequiredService<TopicEventBus>();
            if (bus is RedisTopicEventBus redisBus)
                logger.LogInformation(
                    "Realtime: Redis event bus at {EndPoints}, channels prefixed '{ChannelPrefix}': subscriptions reach every replica",
                    RedisConnection.DescribeEndpoints(ConfigurationOptions.Parse(settings.RedisConfiguration!)), redisBus.ChannelPrefix);
            else
                logger.LogInformation(
                    "Realtime: in-memory event bus (Redis:Configuration is empty): subscriptions reach clients of this process only");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
