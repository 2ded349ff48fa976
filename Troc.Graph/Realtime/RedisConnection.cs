using System.Net;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Troc.Graph.Realtime;

/// <summary>Opens the process's one Redis connection, failing fast and clearly, and logs its later life.</summary>
public static class RedisConnection
{
    /// <summary>
    /// Connects, or throws an <see cref="InvalidOperationException"/> naming the endpoint(s) and what to do about it.
    /// Once connected, a lost connection is logged and re-established by the multiplexer in the background.
    /// </summary>
    public static IConnectionMultiplexer Connect(string configuration, ILogger logger)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException exception)
        {
            // The value itself is not repeated: it may hold a password.
            throw new InvalidOperationException($"Redis:Configuration is not a valid StackExchange.Redis configuration: {exception.Message}", exception);
        }
        // A replica without its bus would silently drop every cross-replica event: refuse to start instead of
        // retrying in the background. This only governs the first connect; later losses are always retried.
        options.AbortOnConnectFail = true;
        options.ClientName ??= "troc-graph";
        options.SetDefaultPorts();
        var endpoints = DescribeEndpoints(options);

        IConnectionMultiplexer multiplexer;
        try
        {
            multiplexer = ConnectionMultiplexer.Connect(options);
        }
        catch (RedisConnectionException exception)
        {
            throw new InvalidOperationException(
                $"Redis is unreachable at {endpoints} (Redis:Configuration). Start it with `./troc services up`, " +
                "or leave Redis:Configuration empty to use the in-memory event bus (one process only). " +
                // Not StackExchange.Redis's own message: it suggests abortConnect=false, which we override on purpose.
                $"Failure: {exception.FailureType}.",
                exception);
        }

        multiplexer.ConnectionFailed += (_, e) => logger.LogWarning(e.Exception,
            "Redis connection lost: {EndPoint} ({ConnectionType}, {FailureType}); reconnecting in the background, subscriptions resume once it is back",
            Describe(e.EndPoint), e.ConnectionType, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => logger.LogInformation(
            "Redis connection restored: {EndPoint} ({ConnectionType})", Describe(e.EndPoint), e.ConnectionType);
        multiplexer.ErrorMessage += (_, e) => logger.LogError("Redis error from {EndPoint}: {Message}", Describe(e.EndPoint), e.Message);
        multiplexer.InternalError += (_, e) => logger.LogError(e.Exception,
            "StackExchange.Redis internal error ({Origin}) on {EndPoint}", e.Origin, Describe(e.EndPoint));
        logger.LogInformation("Connected to Redis at {EndPoints}", endpoints);
        return multiplexer;
    }

    public static string DescribeEndpoints(ConfigurationOptions options) =>
        options.EndPoints.Count == 0 ? "(no endpoint)" : string.Join(", ", options.EndPoints.Select(Describe));

    private static string Describe(EndPoint? endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        IPEndPoint ip => ip.ToString(),
        null => "(unknown endpoint)",
        _ => endPoint.ToString() ?? "(unknown endpoint)",
    };
}
