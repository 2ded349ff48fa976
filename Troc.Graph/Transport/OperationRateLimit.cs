using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Troc.Graph.Transport;

/// <summary>
/// Counts operations, not only requests, against the per-address request limit (Abuse:GlobalPerIp, which ASP.NET
/// Core's global rate limiter enforces as each request arrives): an HTTP batch adds its operations after the first, a
/// WebSocket each operation it starts, so that neither does more work than the same client could over separate
/// requests. Counted in the same fixed window, partitioned by the same client address as the upgrade or request.
/// </summary>
public static class OperationRateLimit
{
    /// <summary>Counts <paramref name="operations"/> more; returns how long to wait when the limit is reached, else null.</summary>
    public static TimeSpan? TryAcquire(HttpContext context, int operations)
    {
        if (operations <= 0
            || context.RequestServices.GetService<IOptions<RateLimiterOptions>>()?.Value.GlobalLimiter is not { } limiter)
            return null;
        // One permit at a time: a fixed window refuses outright a single request for more permits than it ever holds.
        for (var counted = 0; counted < operations; counted++)
        {
            using var lease = limiter.AttemptAcquire(context);
            if (!lease.IsAcquired)
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        }
        return null;
    }

    /// <summary>A delay as the whole seconds a client is told to wait (at least one), as in Retry-After.</summary>
    public static int Seconds(TimeSpan delay) => Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds));
}
