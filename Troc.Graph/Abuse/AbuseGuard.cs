using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Troc.Domain.Users;

namespace Troc.Graph.Abuse;

/// <summary>
/// Rate limits of the sensitive account mutations, per client IP and per targeted account, counted across
/// replicas. Every attempt counts, successful or not: the limits bound guessing and mail flooding, not mistakes.
/// </summary>
public sealed class AbuseGuard(IRateLimitCounter counter, IOptions<AbuseOptions> options, string keyPrefix, ILogger<AbuseGuard> logger)
    : IAttemptLimiter
{
    /// <summary>Counts the attempt; returns how long to wait when either limit is exceeded, else null.</summary>
    public async Task<TimeSpan?> HitAsync(RateLimitedAction action, string clientIp, string? account, CancellationToken cancellationToken)
    {
        if (!options.Value.RateLimitingEnabled) return null;
        var limits = options.Value.For(action);
        try
        {
            var waits = new List<TimeSpan>(2);
            var byIp = await counter.HitAsync($"{keyPrefix}rl:{action}:ip:{clientIp}", limits.PerIp.Window, cancellationToken);
            if (byIp.Count > limits.PerIp.Limit) waits.Add(byIp.WindowRemaining);
            if (account is not null)
            {
                var byAccount = await counter.HitAsync($"{keyPrefix}rl:{action}:account:{Pseudonym(account)}", limits.PerAccount.Window, cancellationToken);
                if (byAccount.Count > limits.PerAccount.Limit) waits.Add(byAccount.WindowRemaining);
            }
            if (waits.Count == 0) return null;
            logger.LogInformation("Rate limit reached for {Action} from {ClientIp}", action, clientIp);
            return waits.Max() < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : waits.Max();
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Fail open: locking every user out because Redis is down is worse than a few minutes without limits;
            // the per-account lockout, kept in PostgreSQL, still stands against password guessing.
            logger.LogError(exception, "Rate-limit counters unavailable; {Action} is not rate limited until Redis is back", action);
            return null;
        }
    }

    // Counters are keyed by a hash, so Redis never holds the email addresses themselves.
    private static string Pseudonym(string account) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account)), 0, 16);
}
