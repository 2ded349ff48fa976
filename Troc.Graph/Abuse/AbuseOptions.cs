using Troc.Domain.Users;

namespace Troc.Graph.Abuse;

/// <summary>Configuration section `Abuse`: rate limits, lockout and the global request limit.</summary>
public sealed class AbuseOptions
{
    public const string Section = "Abuse";

    /// <summary>Switches the rate limits (per action and global) off, for load tests; the lockout stays on.</summary>
    public bool RateLimitingEnabled { get; set; } = true;

    /// <summary>
    /// Take the client address from the last X-Forwarded-For entry. Only for deployments reachable solely through
    /// a proxy that appends it (docker-compose's nginx): anyone else could forge the header.
    /// </summary>
    public bool TrustForwardedFor { get; set; }

    /// <summary>Prefix of the Redis counters; by default `troc:{database name}:` so that deployments sharing one Redis do not share counters.</summary>
    public string? RedisKeyPrefix { get; set; }

    public ActionLimits Login { get; set; } = new(new(30, TimeSpan.FromMinutes(10)), new(10, TimeSpan.FromMinutes(10)));

    public ActionLimits Register { get; set; } = new(new(10, TimeSpan.FromHours(1)), new(5, TimeSpan.FromHours(1)));

    public ActionLimits RequestPasswordReset { get; set; } = new(new(10, TimeSpan.FromHours(1)), new(3, TimeSpan.FromHours(1)));

    public ActionLimits ResendVerificationEmail { get; set; } = new(new(10, TimeSpan.FromHours(1)), new(3, TimeSpan.FromHours(1)));

    public ActionLimits ChangeEmail { get; set; } = new(new(10, TimeSpan.FromHours(1)), new(3, TimeSpan.FromHours(1)));

    public LockoutOptions Lockout { get; set; } = new();

    /// <summary>Every request to /graphql, per client IP, per replica.</summary>
    public WindowLimit GlobalPerIp { get; set; } = new(600, TimeSpan.FromMinutes(1));

    public ActionLimits For(RateLimitedAction action) => action switch
    {
        RateLimitedAction.Login => Login,
        RateLimitedAction.Register => Register,
        RateLimitedAction.RequestPasswordReset => RequestPasswordReset,
        RateLimitedAction.ResendVerificationEmail => ResendVerificationEmail,
        RateLimitedAction.ChangeEmail => ChangeEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}

/// <summary>Limits of one action: per client IP and per account (the email address or user it targets).</summary>
public sealed class ActionLimits
{
    public ActionLimits() { }

    public ActionLimits(WindowLimit perIp, WindowLimit perAccount)
    {
        PerIp = perIp;
        PerAccount = perAccount;
    }

    public WindowLimit PerIp { get; set; } = new();

    public WindowLimit PerAccount { get; set; } = new();
}

/// <summary>At most <see cref="Limit"/> attempts per fixed <see cref="Window"/>.</summary>
public sealed class WindowLimit
{
    public WindowLimit() { }

    public WindowLimit(int limit, TimeSpan window)
    {
        Limit = limit;
        Window = window;
    }

    public int Limit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}

public sealed class LockoutOptions
{
    /// <summary>Wrong passwords in a row that lock the account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
