using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;
using Troc.Domain.Users;

namespace Troc.Graph.Abuse;

/// <summary>Rate limits: the account actions' counters (the domain's <see cref="IAttemptLimiter"/>) and the ceiling on every request.</summary>
public static class AbuseRegistration
{
    public static WebApplicationBuilder AddTrocAbuseLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<AbuseOptions>(configuration.GetSection(AbuseOptions.Section));
        // Counters live in the Redis that the event bus connects to (AddTrocRealtime), shared by every replica;
        // without Redis there is one process, and memory does.
        services.AddSingleton<IRateLimitCounter>(provider =>
            provider.GetService<IConnectionMultiplexer>() is { } redis
                ? new RedisRateLimitCounter(redis)
                : new InMemoryRateLimitCounter(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AbuseOptions>>();
            var database = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Troc")).Database ?? "troc";
            return new AbuseGuard(
                provider.GetRequiredService<IRateLimitCounter>(), options,
                options.Value.RedisKeyPrefix ?? $"troc:{database}:",
                provider.GetRequiredService<ILogger<AbuseGuard>>());
        });
        services.AddSingleton<IAttemptLimiter>(provider => provider.GetRequiredService<AbuseGuard>());
        services.AddGlobalRequestLimit();
        return builder;
    }

    /// <summary>The client's address, then the ceiling on requests: a flood is turned away before it costs a token check or a query.</summary>
    public static WebApplication UseTrocAbuseLimits(this WebApplication app)
    {
        // Behind the load balancer every request comes from the balancer: per-IP limits need the client's
        // address from X-Forwarded-For. Only where the balancer is the sole way in (it appends the address it saw;
        // the last entry is the one to believe), since anyone else could write the header.
        if (app.Configuration.GetValue<bool>($"{AbuseOptions.Section}:TrustForwardedFor"))
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }
        app.UseRateLimiter();
        return app;
    }
}
