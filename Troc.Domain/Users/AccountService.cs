using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Troc.Domain.Common;
using Troc.Domain.Persistence;

namespace Troc.Domain.Users;

/// <summary>The outcome of a sign-in (register, login, refresh): the member and a fresh pair of tokens, else why not.</summary>
public sealed record SignInResult(User? User, IssuedAccessToken? AccessToken, IssuedRefreshToken? RefreshToken, IReadOnlyList<Violation> Violations)
{
    public static SignInResult Failed(params Violation[] violations) => new(null, null, null, violations);
}

/// <summary>The outcome of an account command: the member as changed when it worked, else every rule it broke.</summary>
public sealed record AccountResult(User? User, IReadOnlyList<Violation> Violations)
{
    public static AccountResult Failed(params Violation[] violations) => new(null, violations);
}

/// <summary>
/// Signing up and in, sessions, email verification and passwords: checks, rate limits, then User, SessionStore and
/// AccountTokenStore; tokens, mail and the news of revoked sessions go through the host (<see cref="IAccessTokenIssuer"/>,
/// <see cref="IAccountMail"/>, <see cref="ISessionRevocationPublisher"/>). <c>clientAddress</c> is the caller's IP, which
/// the per-address limits count and the security logs name.
/// </summary>
public sealed class AccountService(
    IDbContextFactory<TrocDbContext> dbFactory,
    SessionStore sessions,
    AccountTokenStore accountTokens,
    PasswordHashing passwords,
    IAccessTokenIssuer accessTokens,
    IAttemptLimiter attempts,
    IAccountMail mail,
    ISessionRevocationPublisher revocations,
    AccountDefenses defenses,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    private static readonly AccountTokenPurpose[] VerificationPurposes = [AccountTokenPurpose.EmailVerification, AccountTokenPurpose.EmailChange];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<SignInResult> RegisterAsync(string? email, string? password, string? displayName, string clientAddress,
        CancellationToken cancellationToken)
    {
        email = EmailAddress.Normalize(email ?? "");
        if (await RateLimitedAsync(RateLimitedAction.Register, clientAddress, email, cancellationToken) is { } limited) return SignInResult.Failed(limited);

        var violations = new List<Violation>();
        if (!EmailAddress.IsValid(email)) violations.Add(AccountViolations.InvalidEmail);
        displayName = (displayName ?? "").Trim();
        if (displayName.Length is < 2 or > User.DisplayNameMaxLength || displayName.Any(char.IsControl))
            violations.Add(AccountViolations.DisplayNameLength);
        if (violations.Count > 0) return SignInResult.Failed([.. violations]);
        if (PasswordPolicy.Check(password ?? "", email) is { } weakness) return SignInResult.Failed(new WeakPasswordViolation(weakness));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken)) return SignInResult.Failed(AccountViolations.EmailTaken);

        var user = new User(Guid.NewGuid(), email, displayName, passwords.Hash(password!), Now);
        db.Users.Add(user);
        var verificationToken = accountTokens.Issue(db, user.Id, AccountTokenPurpose.EmailVerification);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            return SignInResult.Failed(AccountViolations.EmailTaken); // registered concurrently
        }
        mail.SendVerification(user, verificationToken);
        var refresh = await sessions.StartAsync(db, user.Id, cancellationToken);
        logger.LogInformation("User {UserId} registered", user.Id);
        return new(user, accessTokens.Issue(user, refresh.SessionId), refresh, []);
    }

    public async Task<SignInResult> LoginAsync(string? email, string? password, string clientAddress, CancellationToken cancellationToken)
    {
        email = EmailAddress.Normalize(email ?? "");
        password ??= "";
        if (email.Length == 0) return SignInResult.Failed(AccountViolations.EmailMissing);
        if (password.Length == 0) return SignInResult.Failed(AccountViolations.PasswordMissing);
        if (await RateLimitedAsync(RateLimitedAction.Login, clientAddress, email, cancellationToken) is { } limited) return SignInResult.Failed(limited);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = email.Length <= EmailAddress.MaxLength ? await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken) : null;
        if (user is null || password.Length > PasswordPolicy.MaxLength)
        {
            // As much hashing work as a real check, so that response time does not tell who has an account.
            passwords.VerifyDecoy(password.Length > PasswordPolicy.MaxLength ? password[..PasswordPolicy.MaxLength] : password);
            return SignInResult.Failed(AccountViolations.InvalidCredentials);
        }
        if (user.IsLockedOut(Now)) return SignInResult.Failed(new AccountLockedViolation(user.LockedUntil!.Value));

        var check = passwords.Verify(user, password);
        if (check == PasswordCheck.Invalid)
        {
            user.RecordFailedLogin(Now, defenses.MaxFailedLogins, defenses.LockoutDuration);
            await db.SaveChangesAsync(cancellationToken);
            if (user.IsLockedOut(Now))
            {
                logger.LogWarning("User {UserId} locked out after {Count} failed logins, last from {ClientIp}", user.Id, defenses.MaxFailedLogins, clientAddress);
                return SignInResult.Failed(new AccountLockedViolation(user.LockedUntil!.Value));
            }
            return SignInResult.Failed(AccountViolations.InvalidCredentials);
        }
        // Only once the password is right, so that guessing does not reveal the suspension.
        if (user.IsSuspended) return SignInResult.Failed(AccountViolations.AccountSuspended);
        if (check == PasswordCheck.ValidButOutdatedHash) user.UpgradePasswordHash(passwords.Hash(password));
        user.RecordSuccessfulLogin();
        await db.SaveChangesAsync(cancellationToken);
        var refresh = await sessions.StartAsync(db, user.Id, cancellationToken);
        return new(user, accessTokens.Issue(user, refresh.SessionId), refresh, []);
    }

    public async Task<SignInResult> RefreshAsync(string? refreshToken, string clientAddress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        switch (await sessions.RotateAsync(db, refreshToken ?? "", cancellationToken))
        {
            case RefreshOutcome.Rotated rotated:
                var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == rotated.UserId, cancellationToken);
                if (user.IsSuspended)
                {
                    await sessions.RevokeAllAsync(db, user.Id, SessionRevocationReason.Suspension, cancellationToken);
                    return SignInResult.Failed(AccountViolations.AccountSuspended);
                }
                return new(user, accessTokens.Issue(user, rotated.Next.SessionId), rotated.Next, []);
            case RefreshOutcome.Expired:
                return SignInResult.Failed(AccountViolations.TokenExpired);
            case RefreshOutcome.Reused reused:
                logger.LogWarning("Refresh token replayed from {ClientIp}: session {SessionId} of user {UserId} revoked", clientAddress, reused.SessionId, reused.UserId);
                await revocations.PublishAsync(reused.UserId, null, cancellationToken);
                return SignInResult.Failed(AccountViolations.InvalidToken);
            default:
                return SignInResult.Failed(AccountViolations.InvalidToken);
        }
    }

    /// <summary>Ends the session the refresh token belongs to; no violation means it has ended.</summary>
    public async Task<IReadOnlyList<Violation>> LogoutAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await sessions.RevokeSessionOfAsync(db, refreshToken ?? "", SessionRevocationReason.Logout, cancellationToken);
        if (session is null) return [AccountViolations.InvalidToken];
        await revocations.PublishSessionEndedAsync(session.UserId, session.Id, cancellationToken);
        return [];
    }

    /// <summary>Ends every session of the member; returns how many were open.</summary>
    public async Task<int> LogoutEverywhereAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ended = await sessions.RevokeAllAsync(db, userId, SessionRevocationReason.LogoutEverywhere, cancellationToken);
        await revocations.PublishAsync(userId, null, cancellationToken);
        return ended;
    }

    public async Task<AccountResult> VerifyEmailAsync(string? token, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var redemption = await accountTokens.RedeemAsync(db, token ?? "", VerificationPurposes, cancellationToken);
        if (redemption is AccountTokenRedemption.Expired) return AccountResult.Failed(AccountViolations.TokenExpired);
        if (redemption is not AccountTokenRedemption.Redeemed redeemed) return AccountResult.Failed(AccountViolations.InvalidToken);

        var user = await db.Users.FirstAsync(u => u.Id == redeemed.UserId, cancellationToken);
        if (redeemed.Purpose == AccountTokenPurpose.EmailChange && redeemed.NewEmail is { } newEmail)
        {
            if (await db.Users.AnyAsync(u => u.Email == newEmail && u.Id != user.Id, cancellationToken)) return AccountResult.Failed(AccountViolations.EmailTaken);
            user.ConfirmEmailChange(newEmail, Now);
        }
        else
        {
            user.MarkEmailVerified(Now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            return AccountResult.Failed(AccountViolations.EmailTaken);
        }
        return new(user, []);
    }

    public async Task<AccountResult> ResendVerificationEmailAsync(Guid userId, string clientAddress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        if (user.IsEmailVerified) return AccountResult.Failed(AccountViolations.EmailAlreadyVerified);
        if (await RateLimitedAsync(RateLimitedAction.ResendVerificationEmail, clientAddress, user.Id.ToString(), cancellationToken) is { } limited)
            return AccountResult.Failed(limited);
        var token = accountTokens.Issue(db, user.Id, AccountTokenPurpose.EmailVerification);
        await db.SaveChangesAsync(cancellationToken);
        mail.SendVerification(user, token);
        return new(user, []);
    }

    /// <summary>
    /// Same answer, same work and at least the same time whether or not the address has an account: the lookup
    /// always runs, the mail leaves from the background queue, and the response waits out a fixed minimum.
    /// No violation means the request was taken.
    /// </summary>
    public async Task<IReadOnlyList<Violation>> RequestPasswordResetAsync(string? email, string clientAddress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        email = EmailAddress.Normalize(email ?? "");
        if (!EmailAddress.IsValid(email)) return [AccountViolations.InvalidEmail];
        if (await RateLimitedAsync(RateLimitedAction.RequestPasswordReset, clientAddress, email, cancellationToken) is { } limited) return [limited];

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
            if (user is not null)
            {
                var token = accountTokens.Issue(db, user.Id, AccountTokenPurpose.PasswordReset);
                await db.SaveChangesAsync(cancellationToken);
                mail.SendPasswordReset(user, token);
            }
        }
        var remaining = defenses.PasswordResetMinimumResponseTime - Stopwatch.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero) await Task.Delay(remaining, cancellationToken);
        return [];
    }

    public async Task<AccountResult> ResetPasswordAsync(string? token, string? newPassword, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        AccountTokenPurpose[] purpose = [AccountTokenPurpose.PasswordReset];
        // Check the new password before spending the link, so that a refused password does not cost a new email.
        var inspected = await accountTokens.InspectAsync(db, token ?? "", purpose, cancellationToken);
        if (inspected is AccountTokenRedemption.Expired) return AccountResult.Failed(AccountViolations.TokenExpired);
        if (inspected is not AccountTokenRedemption.Redeemed usable) return AccountResult.Failed(AccountViolations.InvalidToken);
        var user = await db.Users.FirstAsync(u => u.Id == usable.UserId, cancellationToken);
        newPassword ??= "";
        if (PasswordPolicy.Check(newPassword, user.Email) is { } weakness) return AccountResult.Failed(new WeakPasswordViolation(weakness));

        if (await accountTokens.RedeemAsync(db, token!, purpose, cancellationToken) is not AccountTokenRedemption.Redeemed)
            return AccountResult.Failed(AccountViolations.InvalidToken); // spent concurrently
        user.ChangePassword(passwords.Hash(newPassword), Now);
        // The link reached the mailbox: that proves the address as well as a verification link would.
        user.MarkEmailVerified(Now);
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(db, user.Id, SessionRevocationReason.PasswordReset, cancellationToken);
        await revocations.PublishAsync(user.Id, null, cancellationToken);
        mail.SendPasswordChanged(user);
        logger.LogInformation("Password of user {UserId} reset; every session revoked", user.Id);
        return new(user, []);
    }

    /// <summary>Changes the member's password; their other sessions end, <paramref name="currentSessionId"/> stays.</summary>
    public async Task<AccountResult> ChangePasswordAsync(Guid userId, Guid? currentSessionId, string? currentPassword, string? newPassword,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        var current = currentPassword ?? "";
        if (current.Length > PasswordPolicy.MaxLength || passwords.Verify(user, current) == PasswordCheck.Invalid)
            return AccountResult.Failed(AccountViolations.InvalidCredentials);
        newPassword ??= "";
        if (newPassword == current) return AccountResult.Failed(new WeakPasswordViolation(PasswordWeakness.SameAsCurrent));
        if (PasswordPolicy.Check(newPassword, user.Email) is { } weakness) return AccountResult.Failed(new WeakPasswordViolation(weakness));

        user.ChangePassword(passwords.Hash(newPassword), Now);
        await db.SaveChangesAsync(cancellationToken);
        // Other devices may be the reason for the change: they are signed out; this one stays.
        await sessions.RevokeAllAsync(db, user.Id, SessionRevocationReason.PasswordChange, cancellationToken, keep: currentSessionId);
        await revocations.PublishAsync(user.Id, currentSessionId, cancellationToken);
        mail.SendPasswordChanged(user);
        return new(user, []);
    }

    public async Task<AccountResult> ChangeEmailAsync(Guid userId, string? newEmail, string? password, string clientAddress,
        CancellationToken cancellationToken)
    {
        newEmail = EmailAddress.Normalize(newEmail ?? "");
        if (!EmailAddress.IsValid(newEmail)) return AccountResult.Failed(AccountViolations.InvalidNewEmail);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        if (newEmail == user.Email) return AccountResult.Failed(AccountViolations.NewEmailIsCurrent);
        password ??= "";
        if (password.Length > PasswordPolicy.MaxLength || passwords.Verify(user, password) == PasswordCheck.Invalid)
            return AccountResult.Failed(AccountViolations.InvalidCredentials);
        if (await RateLimitedAsync(RateLimitedAction.ChangeEmail, clientAddress, user.Id.ToString(), cancellationToken) is { } limited)
            return AccountResult.Failed(limited);
        if (await db.Users.AnyAsync(u => u.Email == newEmail, cancellationToken)) return AccountResult.Failed(AccountViolations.EmailTaken);

        user.RequestEmailChange(newEmail);
        var token = accountTokens.Issue(db, user.Id, AccountTokenPurpose.EmailChange, newEmail);
        await db.SaveChangesAsync(cancellationToken);
        mail.SendEmailChange(user, newEmail, token);
        mail.SendEmailChangeNotice(user, newEmail);
        return new(user, []);
    }

    /// <summary>Suspends a member for a moderator: every session ends and they can no longer sign in.</summary>
    public async Task<AccountResult> SuspendUserAsync(Guid adminId, Guid userId, string? reason, CancellationToken cancellationToken)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length is 0 or > 500) return AccountResult.Failed(AccountViolations.SuspensionReasonLength);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return AccountResult.Failed(AccountViolations.MemberNotFound);
        user.Suspend(reason, Now);
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(db, user.Id, SessionRevocationReason.Suspension, cancellationToken);
        await revocations.PublishAsync(user.Id, null, cancellationToken);
        logger.LogWarning("User {UserId} suspended by admin {AdminId}", user.Id, adminId);
        return new(user, []);
    }

    private async Task<RateLimitedViolation?> RateLimitedAsync(RateLimitedAction action, string clientAddress, string? account,
        CancellationToken cancellationToken) =>
        await attempts.HitAsync(action, clientAddress, account, cancellationToken) is { } retryAfter ? RateLimitedViolation.After(retryAfter, Now) : null;

    private static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
