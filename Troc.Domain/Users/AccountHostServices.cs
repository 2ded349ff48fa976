namespace Troc.Domain.Users;

// What the account use cases need from the host, which implements each (Troc.Graph): JWTs, mail, rate-limit counters
// and the event bus are not the domain's business, but when they happen is.

/// <summary>Issues the short-lived access token of a session (a signed JWT, in the host).</summary>
public interface IAccessTokenIssuer
{
    IssuedAccessToken Issue(User user, Guid sessionId);
}

public sealed record IssuedAccessToken(string Token, DateTime ExpiresAt);

/// <summary>
/// The account emails. Sending only queues them: a use case never waits for the mail server, and its response time
/// says nothing about whether a message left (requestPasswordReset must not tell who has an account).
/// </summary>
public interface IAccountMail
{
    void SendVerification(User user, string token);

    /// <summary>To the new address, whose link confirms the change.</summary>
    void SendEmailChange(User user, string newEmail, string token);

    /// <summary>To the current address, in case someone else asked.</summary>
    void SendEmailChangeNotice(User user, string newEmail);

    void SendPasswordReset(User user, string token);

    void SendPasswordChanged(User user);
}

/// <summary>The account actions whose attempts are counted, per client address and per targeted account.</summary>
public enum RateLimitedAction
{
    Login,
    Register,
    RequestPasswordReset,
    ResendVerificationEmail,
    ChangeEmail,
}

/// <summary>Rate limits of the sensitive account actions, counted across replicas.</summary>
public interface IAttemptLimiter
{
    /// <summary>Counts one attempt; returns how long to wait when a limit is exceeded, else null.</summary>
    Task<TimeSpan?> HitAsync(RateLimitedAction action, string clientAddress, string? account, CancellationToken cancellationToken);
}

/// <summary>Tells every replica that sessions of a user were revoked, so that their open WebSockets close too.</summary>
public interface ISessionRevocationPublisher
{
    /// <summary>Every session of <paramref name="userId"/> but <paramref name="exceptSessionId"/> (if any) has ended.</summary>
    Task PublishAsync(Guid userId, Guid? exceptSessionId, CancellationToken cancellationToken);

    /// <summary>One session ended (logout): only the sockets opened with its tokens close.</summary>
    Task PublishSessionEndedAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken);
}
