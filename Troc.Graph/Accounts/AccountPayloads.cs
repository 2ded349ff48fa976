using System.ComponentModel;
using GraphQL;
using Troc.Domain.Users;
using Troc.Graph.Common;
using Troc.Graph.Users;

namespace Troc.Graph.Accounts;

/// <summary>What every successful sign-in hands out: the user and a fresh pair of tokens.</summary>
public abstract class SignInPayload(User? user, IssuedAccessToken? access, IssuedRefreshToken? refresh, IReadOnlyList<UserError>? errors) : Payload(errors)
{
    [Description("The signed-in member; null on failure.")]
    [OutputType(typeof(UserType))]
    public User? User { get; } = user;

    [Description("Send it as `Authorization: Bearer <accessToken>` (or in `connection_init` over WebSocket). Valid about 15 minutes.")]
    public string? AccessToken { get; } = access?.Token;

    [Description("When the access token expires (UTC); refresh a little before.")]
    public DateTime? AccessTokenExpiresAt { get; } = access?.ExpiresAt;

    [Description("Exchange it with `refreshToken` for a new pair; single use. Keep it secret: it is the session.")]
    public string? RefreshToken { get; } = refresh?.Token;

    [Description("When the refresh token expires (UTC), if unused by then.")]
    public DateTime? RefreshTokenExpiresAt { get; } = refresh?.ExpiresAt;
}

public sealed class RegisterPayload(User? user = null, IssuedAccessToken? access = null, IssuedRefreshToken? refresh = null, IReadOnlyList<UserError>? errors = null)
    : SignInPayload(user, access, refresh, errors);

public sealed class RegisterPayloadType() : PayloadType<RegisterPayload>(
    "Result of `register`: the new member, signed in, or why not.",
    typeof(InvalidInputError), typeof(EmailTakenError), typeof(WeakPasswordError), typeof(RateLimitedError));

public sealed class LoginPayload(User? user = null, IssuedAccessToken? access = null, IssuedRefreshToken? refresh = null, IReadOnlyList<UserError>? errors = null)
    : SignInPayload(user, access, refresh, errors);

public sealed class LoginPayloadType() : PayloadType<LoginPayload>(
    "Result of `login`: the member and their tokens, or why not.",
    typeof(InvalidInputError), typeof(InvalidCredentialsError), typeof(AccountLockedError), typeof(AccountSuspendedError), typeof(RateLimitedError));

public sealed class RefreshTokenPayload(User? user = null, IssuedAccessToken? access = null, IssuedRefreshToken? refresh = null, IReadOnlyList<UserError>? errors = null)
    : SignInPayload(user, access, refresh, errors);

public sealed class RefreshTokenPayloadType() : PayloadType<RefreshTokenPayload>(
    "Result of `refreshToken`: a new access token and the next refresh token, or why not.",
    typeof(InvalidTokenError), typeof(TokenExpiredError), typeof(AccountSuspendedError));

public sealed class LogoutPayload(bool loggedOut, IReadOnlyList<UserError>? errors = null) : Payload(errors)
{
    [Description("True when the session is ended (its refresh and access tokens no longer work).")]
    public bool LoggedOut { get; } = loggedOut;
}

public sealed class LogoutPayloadType() : PayloadType<LogoutPayload>("Result of `logout`.", typeof(InvalidTokenError));

public sealed class LogoutEverywherePayload(int endedSessions) : Payload(null)
{
    [Description("How many open sessions were ended, this one included.")]
    public int EndedSessions { get; } = endedSessions;
}

public sealed class LogoutEverywherePayloadType() : PayloadType<LogoutEverywherePayload>("Result of `logoutEverywhere`.");

/// <summary>Payloads that return the member they changed.</summary>
public abstract class UserPayload(User? user, IReadOnlyList<UserError>? errors) : Payload(errors)
{
    [Description("The member, as changed; null on failure. Private fields are readable only by the member and admins.")]
    [OutputType(typeof(UserType))]
    public User? User { get; } = user;
}

public sealed class VerifyEmailPayload(User? user = null, IReadOnlyList<UserError>? errors = null) : UserPayload(user, errors);

public sealed class VerifyEmailPayloadType() : PayloadType<VerifyEmailPayload>(
    "Result of `verifyEmail`.", typeof(InvalidTokenError), typeof(TokenExpiredError), typeof(EmailTakenError));

public sealed class ResendVerificationEmailPayload(User? user = null, IReadOnlyList<UserError>? errors = null) : UserPayload(user, errors);

public sealed class ResendVerificationEmailPayloadType() : PayloadType<ResendVerificationEmailPayload>(
    "Result of `resendVerificationEmail`.", typeof(EmailAlreadyVerifiedError), typeof(RateLimitedError));

public sealed class RequestPasswordResetPayload(bool accepted, IReadOnlyList<UserError>? errors = null) : Payload(errors)
{
    [Description("True when the request was taken: if an account uses this address, a reset link is on its way. Says nothing about whether one does.")]
    public bool Accepted { get; } = accepted;
}

public sealed class RequestPasswordResetPayloadType() : PayloadType<RequestPasswordResetPayload>(
    "Result of `requestPasswordReset`: the same whether or not an account uses the address.", typeof(InvalidInputError), typeof(RateLimitedError));

public sealed class ResetPasswordPayload(User? user = null, IReadOnlyList<UserError>? errors = null) : UserPayload(user, errors);

public sealed class ResetPasswordPayloadType() : PayloadType<ResetPasswordPayload>(
    "Result of `resetPassword`.", typeof(InvalidTokenError), typeof(TokenExpiredError), typeof(WeakPasswordError));

public sealed class ChangePasswordPayload(User? user = null, IReadOnlyList<UserError>? errors = null) : UserPayload(user, errors);

public sealed class ChangePasswordPayloadType() : PayloadType<ChangePasswordPayload>(
    "Result of `changePassword`.", typeof(InvalidCredentialsError), typeof(WeakPasswordError));

public sealed class ChangeEmailPayload(User? user = null, IReadOnlyList<UserError>? errors = null) : UserPayload(user, errors);

public sealed class ChangeEmailPayloadType() : PayloadType<ChangeEmailPayload>(
    "Result of `changeEmail`.", typeof(InvalidInputError), typeof(InvalidCredentialsError), typeof(EmailTakenError), typeof(RateLimitedError));

public sealed class SuspendUserPayload(User? user = null, IReadOnlyList<UserError>? errors = null) : UserPayload(user, errors);

public sealed class SuspendUserPayloadType() : PayloadType<SuspendUserPayload>("Result of `suspendUser`.", typeof(InvalidInputError));
