using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Troc.Domain.Persistence;

namespace Troc.Domain.Users;

/// <summary>
/// Sessions and their rotating refresh tokens. Each refresh consumes the presented token and issues the next
/// one in the same session; presenting a consumed token again means two parties hold it, so the whole session
/// (the token family) is revoked and the event logged.
/// </summary>
public sealed class SessionStore(TimeProvider clock, AccountLifetimes lifetimes, ILogger<SessionStore> logger)
{
    public async Task<IssuedRefreshToken> StartAsync(TrocDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession(Guid.NewGuid(), userId, now);
        db.UserSessions.Add(session);
        var issued = AddToken(db, session.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }

    public async Task<RefreshOutcome> RotateAsync(TrocDbContext db, string presentedToken, CancellationToken cancellationToken)
    {
        if (!SecureToken.HasValidShape(presentedToken)) return new RefreshOutcome.Invalid();
        var hash = SecureToken.Hash(presentedToken);
        var found = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.UserSessions, t => t.SessionId, s => s.Id, (t, s) => new { Token = t, Session = s })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null) return new RefreshOutcome.Invalid();
        if (found.Session.IsRevoked) return new RefreshOutcome.Invalid();

        var now = clock.GetUtcNow().UtcDateTime;
        if (found.Token.ConsumedAt is not null)
            return await RevokeForReuseAsync(db, found.Session, cancellationToken);
        if (found.Token.ExpiresAt <= now) return new RefreshOutcome.Expired();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional on "not consumed yet", so that of two concurrent refreshes with one token only one wins;
        // the loser is treated exactly like a replay.
        var consumed = await db.RefreshTokens
            .Where(t => t.Id == found.Token.Id && t.ConsumedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ConsumedAt, now), cancellationToken);
        if (consumed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RevokeForReuseAsync(db, found.Session, cancellationToken);
        }
        var issued = AddToken(db, found.Session.Id, now);
        await db.UserSessions.Where(s => s.Id == found.Session.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastRefreshedAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RefreshOutcome.Rotated(found.Session.UserId, issued);
    }

    /// <summary>Ends the session the token belongs to (logout). Returns the session, or null for an unknown token.</summary>
    public async Task<UserSession?> RevokeSessionOfAsync(TrocDbContext db, string presentedToken, SessionRevocationReason reason, CancellationToken cancellationToken)
    {
        if (!SecureToken.HasValidShape(presentedToken)) return null;
        var hash = SecureToken.Hash(presentedToken);
        var session = await db.RefreshTokens.Where(t => t.TokenHash == hash)
            .Join(db.UserSessions, t => t.SessionId, s => s.Id, (t, s) => s)
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null) return null;
        session.Revoke(reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Ends every open session of the user, but <paramref name="keep"/> if given. Returns how many ended.</summary>
    public async Task<int> RevokeAllAsync(TrocDbContext db, Guid userId, SessionRevocationReason reason, CancellationToken cancellationToken, Guid? keep = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.UserSessions
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevocationReason, reason), cancellationToken);
    }

    /// <summary>
    /// What an access token's session and user look like now: checked on every authenticated request, so that a
    /// logout, a password reset or a suspension takes effect at once rather than when the token expires.
    /// </summary>
    public static Task<SessionAccess?> GetAccessAsync(TrocDbContext db, Guid sessionId, Guid userId, CancellationToken cancellationToken) =>
        db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new SessionAccess(
                s.RevokedAt != null, u.SuspendedAt != null, u.EmailVerifiedAt != null, u.Role, u.Email))
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<RefreshOutcome> RevokeForReuseAsync(TrocDbContext db, UserSession session, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.Id == session.Id && s.RevokedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.RevokedAt, now)
                .SetProperty(s => s.RevocationReason, SessionRevocationReason.RefreshTokenReuse), cancellationToken);
        logger.LogWarning(
            "Refresh token reuse: a consumed refresh token of session {SessionId} (user {UserId}) was presented again; the session is revoked",
            session.Id, session.UserId);
        return new RefreshOutcome.Reused(session.UserId, session.Id);
    }

    private IssuedRefreshToken AddToken(TrocDbContext db, Guid sessionId, DateTime now)
    {
        var token = SecureToken.Create();
        var expiresAt = now + lifetimes.RefreshToken;
        db.RefreshTokens.Add(new RefreshToken(Guid.NewGuid(), sessionId, SecureToken.Hash(token), now, expiresAt));
        return new IssuedRefreshToken(sessionId, token, expiresAt);
    }
}

/// <summary>A refresh token as handed to the client, once: only its hash is kept.</summary>
public sealed record IssuedRefreshToken(Guid SessionId, string Token, DateTime ExpiresAt);

public abstract record RefreshOutcome
{
    public sealed record Rotated(Guid UserId, IssuedRefreshToken Next) : RefreshOutcome;

    public sealed record Invalid : RefreshOutcome;

    public sealed record Expired : RefreshOutcome;

    /// <summary>The token had already been used: its session is now revoked.</summary>
    public sealed record Reused(Guid UserId, Guid SessionId) : RefreshOutcome;
}

/// <summary>The live state behind an access token.</summary>
public sealed record SessionAccess(bool SessionRevoked, bool UserSuspended, bool EmailVerified, UserRole Role, string Email);
