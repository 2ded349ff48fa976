namespace Troc.Domain.Users;

/// <summary>
/// One signed-in device: the family of refresh tokens that descend from one login. Access tokens carry its id
/// (`sid`), so revoking the session also refuses the access tokens issued in it.
/// </summary>
public sealed class UserSession
{
    private UserSession() { }

    public UserSession(Guid id, Guid userId, DateTime now)
    {
        Id = id;
        UserId = userId;
        CreatedAt = now;
        LastRefreshedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime LastRefreshedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public SessionRevocationReason? RevocationReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public void MarkRefreshed(DateTime now) => LastRefreshedAt = now;

    public void Revoke(SessionRevocationReason reason, DateTime now)
    {
        if (RevokedAt is not null) return;
        RevokedAt = now;
        RevocationReason = reason;
    }
}

/// <summary>Why a session ended; kept for the account's security history.</summary>
public enum SessionRevocationReason
{
    Logout,
    LogoutEverywhere,

    /// <summary>A refresh token was presented twice: someone else holds a copy (theft detection).</summary>
    RefreshTokenReuse,
    PasswordReset,
    PasswordChange,
    Suspension,
}

/// <summary>One link of a session's refresh-token chain. Used once: refreshing consumes it and issues the next.</summary>
public sealed class RefreshToken
{
    private RefreshToken() { }

    public RefreshToken(Guid id, Guid sessionId, byte[] tokenHash, DateTime now, DateTime expiresAt)
    {
        Id = id;
        SessionId = sessionId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    /// <summary>SHA-256 of the token; the token itself is never stored.</summary>
    public byte[] TokenHash { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    /// <summary>When it was exchanged for its successor; a second presentation after this is a reuse.</summary>
    public DateTime? ConsumedAt { get; private set; }
}

/// <summary>A single-use secret mailed to the account's owner: email verification, password reset, email change.</summary>
public sealed class AccountToken
{
    private AccountToken() { }

    public AccountToken(Guid id, Guid userId, AccountTokenPurpose purpose, byte[] tokenHash, DateTime now, DateTime expiresAt, string? newEmail = null)
    {
        Id = id;
        UserId = userId;
        Purpose = purpose;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
        NewEmail = newEmail;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public AccountTokenPurpose Purpose { get; private set; }

    /// <summary>SHA-256 of the token; the token itself only ever exists in the email.</summary>
    public byte[] TokenHash { get; private set; } = [];

    /// <summary>For <see cref="AccountTokenPurpose.EmailChange"/>: the address the link was sent to and will confirm.</summary>
    public string? NewEmail { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? ConsumedAt { get; private set; }
}

public enum AccountTokenPurpose
{
    EmailVerification,
    PasswordReset,
    EmailChange,
}
