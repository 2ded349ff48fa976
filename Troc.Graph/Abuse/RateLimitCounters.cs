using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Troc.Graph.Abuse;

/// <summary>A fixed-window hit counter shared by every replica (Redis) or local to one (in memory).</summary>
public interface IRateLimitCounter
{
    /// <summary>Counts one hit on <paramref name="key"/> and returns the count in the current window and the time left in it.</summary>
    Task<(long Count, TimeSpan WindowRemaining)> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>INCR + PEXPIRE in one script: atomic, so that replicas never lose a hit or leave a counter without expiry.</summary>
public sealed class RedisRateLimitCounter(IConnectionMultiplexer redis) : IRateLimitCounter
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return { count, ttl }
        """;

    public async Task<(long Count, TimeSpan WindowRemaining)> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            Script, [new RedisKey(key)], [(long)Math.Ceiling(window.TotalMilliseconds)]))!;
        return ((long)result[0], TimeSpan.FromMilliseconds((long)result[1]));
    }
}

/// <summary>For a single replica without Redis (embedded default, like the in-memory event bus).</summary>
public sealed class InMemoryRateLimitCounter(TimeProvider clock) : IRateLimitCounter
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    public Task<(long Count, TimeSpan WindowRemaining)> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = _windows.AddOrUpdate(key,
            _ => new Window(now + window, 1),
            (_, existing) => existing.EndsAt <= now ? new Window(now + window, 1) : existing with { Count = existing.Count + 1 });
        if (_windows.Count > 100_000) Sweep(now);
        return Task.FromResult((current.Count, current.EndsAt - now));
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
            if (window.EndsAt <= now) _windows.TryRemove(key, out _);
    }

    private sealed record Window(DateTimeOffset EndsAt, long Count);
}
