using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Troc.Graph.Health;

/// <summary>
/// Redis is optional (the in-memory event bus serves a single replica), so its absence is healthy; a registered
/// but unreachable Redis is not, because subscribers on other replicas would miss events.
/// </summary>
public sealed class RedisHealthCheck(IServiceProvider services, ILogger<RedisHealthCheck> logger) : IHealthCheck
{
    public const string NotConfigured = "not configured";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var redis = services.GetService<IConnectionMultiplexer>();
        if (redis is null)
            return HealthCheckResult.Healthy(NotConfigured);
        if (!redis.IsConnected)
            return HealthCheckResult.Unhealthy("Redis is not connected");
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy("PING answered");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Redis health check failed");
            return HealthCheckResult.Unhealthy("Redis did not answer");
        }
    }
}
