using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Troc.Domain.Persistence;
using Troc.Domain.Users;
using Troc.Graph.Abuse;
using Troc.Graph.Mail;
using Troc.Graph.Schema;
using Troc.Graph.Transport.Authorization;
using Troc.Graph.Users;

namespace Troc.Graph.Accounts;

/// <summary>
/// The account use cases behind <see cref="AccountMutations"/>: validation at the edge, abuse limits, then the
/// domain (User, SessionStore, AccountTokenStore), tokens and mail. Expected failures come back as payload errors.
/// </summary>
public sealed class AccountService(
    IDbContextFactory<TrocDbContext> dbFactory,
    SessionStore sessions,
    AccountTokenStore accountTokens,
    PasswordHashing passwords,
    AccessTokenIssuer accessTokens,
    AbuseGuard abuse,
    MailQueue mail,
    AccountMails mails,
    SessionRevocations revocations,
    IOptions<AuthOptions> authOptions,
    IOptions<AbuseOptions> abuseOptions,
    IHttpContextAccessor http,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    private static readonly AccountTokenPurpose[] VerificationPurposes = [AccountTokenPurpose.EmailVerification, AccountTokenPurpose.EmailChange];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string ClientIp => ClientAddress.Of(http.HttpContext);

    public async Task<RegisterPayload> RegisterAsync(RegisterInput input, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(input.Email ?? "");
        if (await RateLimitedAsync(AbuseAction.Register, email, cancellationToken) is { } limited) return new(errors: [limited]);

        var errors = new List<UserError>();
        if (!EmailAddress.IsValid(email)) errors.Add(new InvalidInputError("email", "Adresse email invalide."));
        var displayName = (input.DisplayName ?? "").Trim();
        if (displayName.Length is < 2 or > User.DisplayNameMaxLength || displayName.Any(char.IsControl))
            errors.Add(new InvalidInputError("displayName", $"Le nom affiché doit compter de 2 à {User.DisplayNameMaxLength} caractères."));
        if (errors.Count > 0) return new(errors: errors);
        if (PasswordPolicy.Check(input.Password ?? "", email) is { } weakness) return new(errors: [new WeakPasswordError(weakness)]);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken)) return new(errors: [new EmailTakenError()]);

        var user = new User(Guid.NewGuid(), email, displayName, passwords.Hash(input.Password!), Now);
        db.Users.Add(user);
        var verificationToken = accountTokens.Issue(db, user.Id, AccountTokenPurpose.EmailVerification);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            return new(errors: [new EmailTakenError()]); // registered concurrently
        }
        mail.Enqueue(mails.Verification(user.Email, user.DisplayName, verificationToken, authOptions.Value.EmailVerificationLifetime));
        var refresh = await sessions.StartAsync(db, user.Id, cancellationToken);
        logger.LogInformation("User {UserId} registered", user.Id);
        return new(user, accessTokens.Issue(user, refresh.SessionId), refresh);
    }

    public async Task<LoginPayload> LoginAsync(LoginInput input, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(input.Email ?? "");
        var password = input.Password ?? "";
        if (email.Length == 0) return new(errors: [new InvalidInputError("email", "Indiquez votre adresse email.")]);
        if (password.Length == 0) return new(errors: [new InvalidInputError("password", "Indiquez votre mot de passe.")]);
        if (await RateLimitedAsync(AbuseAction.Login, email, cancellationToken) is { } limited) return new(errors: [limited]);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = email.Length <= EmailAddress.MaxLength ? await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken) : null;
        if (user is null || password.Length > PasswordPolicy.MaxLength)
        {
            passwords.VerifyDecoy(password.Length > PasswordPolicy.MaxLength ? password[..PasswordPolicy.MaxLength] : password);
            return new(errors: [new InvalidCredentialsError()]);
        }
        if (user.IsLockedOut(Now)) return new(errors: [new AccountLockedError(user.LockedUntil!.Value)]);

        var check = passwords.Verify(user, password);
        if (check == PasswordCheck.Invalid)
        {
            var lockout = abuseOptions.Value.Lockout;
            user.RecordFailedLogin(Now, lockout.MaxFailedLogins, lockout.Duration);
            await db.SaveChangesAsync(cancellationToken);
            if (user.IsLockedOut(Now))
            {
                logger.LogWarning("User {UserId} locked out after {Count} failed logins, last from {ClientIp}", user.Id, lockout.MaxFailedLogins, ClientIp);
                return new(errors: [new AccountLockedError(user.LockedUntil!.Value)]);
            }
            return new(errors: [new InvalidCredentialsError()]);
        }
        // Only once the password is right, so that guessing does not reveal the suspension.
        if (user.IsSuspended) return new(errors: [new AccountSuspendedError()]);
        if (check == PasswordCheck.ValidButOutdatedHash) user.UpgradePasswordHash(passwords.Hash(password));
        user.RecordSuccessfulLogin();
        await db.SaveChangesAsync(cancellationToken);
        var refresh = await sessions.StartAsync(db, user.Id, cancellationToken);
        return new(user, accessTokens.Issue(user, refresh.SessionId), refresh);
    }

    public async Task<RefreshTokenPayload> RefreshAsync(RefreshTokenInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        switch (await sessions.RotateAsync(db, input.RefreshToken ?? "", cancellationToken))
        {
            case RefreshOutcome.Rotated rotated:
                var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == rotated.UserId, cancellationToken);
                if (user.IsSuspended)
                {
                    await sessions.RevokeAllAsync(db, user.Id, SessionRevocationReason.Suspension, cancellationToken);
                    return new(errors: [new AccountSuspendedError()]);
                }
                return new(user, accessTokens.Issue(user, rotated.Next.SessionId), rotated.Next);
            case RefreshOutcome.Expired:
                return new(errors: [new TokenExpiredError()]);
            case RefreshOutcome.Reused reused:
                logger.LogWarning("Refresh token replayed from {ClientIp}: session {SessionId} of user {UserId} revoked", ClientIp, reused.SessionId, reused.UserId);
                await revocations.PublishAsync(reused.UserId, null, cancellationToken);
                return new(errors: [new InvalidTokenError()]);
            default:
                return new(errors: [new InvalidTokenError()]);
        }
    }

    public async Task<LogoutPayload> LogoutAsync(LogoutInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await sessions.RevokeSessionOfAsync(db, input.RefreshToken ?? "", SessionRevocationReason.Logout, cancellationToken);
        if (session is null) return new(false, [new InvalidTokenError()]);
        await revocations.PublishSessionEndedAsync(session.UserId, session.Id, cancellationToken);
        return new(true);
    }

    public async Task<LogoutEverywherePayload> LogoutEverywhereAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = RequireUserId(principal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ended = await sessions.RevokeAllAsync(db, userId, SessionRevocationReason.LogoutEverywhere, cancellationToken);
        await revocations.PublishAsync(userId, null, cancellationToken);
        return new(ended);
    }

    public async Task<VerifyEmailPayload> VerifyEmailAsync(VerifyEmailInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var redemption = await accountTokens.RedeemAsync(db, input.Token ?? "", VerificationPurposes, cancellationToken);
        if (redemption is AccountTokenRedemption.Expired) return new(errors: [new TokenExpiredError()]);
        if (redemption is not AccountTokenRedemption.Redeemed redeemed) return new(errors: [new InvalidTokenError()]);

        var user = await db.Users.FirstAsync(u => u.Id == redeemed.UserId, cancellationToken);
        if (redeemed.Purpose == AccountTokenPurpose.EmailChange && redeemed.NewEmail is { } newEmail)
        {
            if (await db.Users.AnyAsync(u => u.Email == newEmail && u.Id != user.Id, cancellationToken)) return new(errors: [new EmailTakenError()]);
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
            return new(errors: [new EmailTakenError()]);
        }
        return new(user);
    }

    public async Task<ResendVerificationEmailPayload> ResendVerificationEmailAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = RequireUserId(principal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        if (user.IsEmailVerified) return new(errors: [new EmailAlreadyVerifiedError()]);
        if (await RateLimitedAsync(AbuseAction.ResendVerificationEmail, user.Id.ToString(), cancellationToken) is { } limited) return new(errors: [limited]);
        var token = accountTokens.Issue(db, user.Id, AccountTokenPurpose.EmailVerification);
        await db.SaveChangesAsync(cancellationToken);
        mail.Enqueue(mails.Verification(user.Email, user.DisplayName, token, authOptions.Value.EmailVerificationLifetime));
        return new(user);
    }

    /// <summary>
    /// Same answer, same work and at least the same time whether or not the address has an account: the lookup
    /// always runs, the mail leaves from the background queue, and the response waits out a fixed minimum.
    /// </summary>
    public async Task<RequestPasswordResetPayload> RequestPasswordResetAsync(RequestPasswordResetInput input, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var email = EmailAddress.Normalize(input.Email ?? "");
        if (!EmailAddress.IsValid(email)) return new(false, [new InvalidInputError("email", "Adresse email invalide.")]);
        if (await RateLimitedAsync(AbuseAction.RequestPasswordReset, email, cancellationToken) is { } limited) return new(false, [limited]);

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
            if (user is not null)
            {
                var token = accountTokens.Issue(db, user.Id, AccountTokenPurpose.PasswordReset);
                await db.SaveChangesAsync(cancellationToken);
                mail.Enqueue(mails.PasswordReset(user.Email, user.DisplayName, token, authOptions.Value.PasswordResetLifetime));
            }
        }
        var remaining = authOptions.Value.PasswordResetMinimumResponseTime - Stopwatch.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero) await Task.Delay(remaining, cancellationToken);
        return new(true);
    }

    public async Task<ResetPasswordPayload> ResetPasswordAsync(ResetPasswordInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        AccountTokenPurpose[] purpose = [AccountTokenPurpose.PasswordReset];
        // Check the new password before spending the link, so that a refused password does not cost a new email.
        var inspected = await accountTokens.InspectAsync(db, input.Token ?? "", purpose, cancellationToken);
        if (inspected is AccountTokenRedemption.Expired) return new(errors: [new TokenExpiredError()]);
        if (inspected is not AccountTokenRedemption.Redeemed usable) return new(errors: [new InvalidTokenError()]);
        var user = await db.Users.FirstAsync(u => u.Id == usable.UserId, cancellationToken);
        var newPassword = input.NewPassword ?? "";
        if (PasswordPolicy.Check(newPassword, user.Email) is { } weakness) return new(errors: [new WeakPasswordError(weakness)]);

        if (await accountTokens.RedeemAsync(db, input.Token!, purpose, cancellationToken) is not AccountTokenRedemption.Redeemed)
            return new(errors: [new InvalidTokenError()]); // spent concurrently
        user.ChangePassword(passwords.Hash(newPassword), Now);
        // The link reached the mailbox: that proves the address as well as a verification link would.
        user.MarkEmailVerified(Now);
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(db, user.Id, SessionRevocationReason.PasswordReset, cancellationToken);
        await revocations.PublishAsync(user.Id, null, cancellationToken);
        mail.Enqueue(mails.PasswordChanged(user.Email, user.DisplayName));
        logger.LogInformation("Password of user {UserId} reset; every session revoked", user.Id);
        return new(user);
    }

    public async Task<ChangePasswordPayload> ChangePasswordAsync(ChangePasswordInput input, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = RequireUserId(principal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        var current = input.CurrentPassword ?? "";
        if (current.Length > PasswordPolicy.MaxLength || passwords.Verify(user, current) == PasswordCheck.Invalid)
            return new(errors: [new InvalidCredentialsError()]);
        var newPassword = input.NewPassword ?? "";
        if (newPassword == current) return new(errors: [new WeakPasswordError(PasswordWeakness.SameAsCurrent)]);
        if (PasswordPolicy.Check(newPassword, user.Email) is { } weakness) return new(errors: [new WeakPasswordError(weakness)]);

        user.ChangePassword(passwords.Hash(newPassword), Now);
        await db.SaveChangesAsync(cancellationToken);
        // Other devices may be the reason for the change: they are signed out; this one stays.
        var currentSession = principal.SessionIdOf();
        await sessions.RevokeAllAsync(db, user.Id, SessionRevocationReason.PasswordChange, cancellationToken, keep: currentSession);
        await revocations.PublishAsync(user.Id, currentSession, cancellationToken);
        mail.Enqueue(mails.PasswordChanged(user.Email, user.DisplayName));
        return new(user);
    }

    public async Task<ChangeEmailPayload> ChangeEmailAsync(ChangeEmailInput input, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = RequireUserId(principal);
        var newEmail = EmailAddress.Normalize(input.NewEmail ?? "");
        if (!EmailAddress.IsValid(newEmail)) return new(errors: [new InvalidInputError("newEmail", "Adresse email invalide.")]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        if (newEmail == user.Email) return new(errors: [new InvalidInputError("newEmail", "C’est déjà l’adresse de votre compte.")]);
        var password = input.Password ?? "";
        if (password.Length > PasswordPolicy.MaxLength || passwords.Verify(user, password) == PasswordCheck.Invalid)
            return new(errors: [new InvalidCredentialsError()]);
        if (await RateLimitedAsync(AbuseAction.ChangeEmail, user.Id.ToString(), cancellationToken) is { } limited) return new(errors: [limited]);
        if (await db.Users.AnyAsync(u => u.Email == newEmail, cancellationToken)) return new(errors: [new EmailTakenError()]);

        user.RequestEmailChange(newEmail);
        var token = accountTokens.Issue(db, user.Id, AccountTokenPurpose.EmailChange, newEmail);
        await db.SaveChangesAsync(cancellationToken);
        mail.Enqueue(mails.EmailChange(newEmail, user.DisplayName, token, authOptions.Value.EmailChangeLifetime));
        mail.Enqueue(mails.EmailChangeNotice(user.Email, user.DisplayName, newEmail));
        return new(user);
    }

    public async Task<SuspendUserPayload> SuspendUserAsync(SuspendUserInput input, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecodeGuid(input.UserId, UserType.TypeName, out var userId))
            return new(errors: [new InvalidInputError("userId", "Aucun membre n’a cet identifiant.")]);
        var reason = (input.Reason ?? "").Trim();
        if (reason.Length is 0 or > 500) return new(errors: [new InvalidInputError("reason", "Indiquez la raison, en 500 caractères au plus.")]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return new(errors: [new InvalidInputError("userId", "Aucun membre n’a cet identifiant.")]);
        user.Suspend(reason, Now);
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(db, user.Id, SessionRevocationReason.Suspension, cancellationToken);
        await revocations.PublishAsync(user.Id, null, cancellationToken);
        logger.LogWarning("User {UserId} suspended by admin {AdminId}", user.Id, principal.UserId());
        return new(user);
    }

    private async Task<RateLimitedError?> RateLimitedAsync(AbuseAction action, string? account, CancellationToken cancellationToken) =>
        await abuse.HitAsync(action, ClientIp, account, cancellationToken) is { } retryAfter ? new RateLimitedError(retryAfter, Now) : null;

    // The SignedIn policy has already refused anonymous callers before execution; reaching here without one is a bug.
    private static Guid RequireUserId(ClaimsPrincipal principal) =>
        principal.UserId() ?? throw new InvalidOperationException("A signed-in operation ran without a signed-in user.");

    private static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
