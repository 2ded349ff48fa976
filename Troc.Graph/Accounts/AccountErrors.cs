using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Domain.Common;
using Troc.Domain.Users;
using Troc.Graph.Common;

namespace Troc.Graph.Accounts;

[Description("Another account already uses this email address.")]
public sealed class EmailTakenError(Violation violation) : UserError(ViolationKind.EmailTaken, violation.Message);

/// <remarks>One error for "no such account" and "wrong password", so that login does not reveal who has an account.</remarks>
[Description("Wrong email or password (deliberately the same error for both, so that login does not reveal who has an account).")]
public sealed class InvalidCredentialsError(Violation violation) : UserError(ViolationKind.InvalidCredentials, violation.Message);

[Description("The password was refused by the password policy; `reason` says why.")]
public sealed class WeakPasswordError(WeakPasswordViolation violation) : UserError(ViolationKind.WeakPassword, violation.Message)
{
    [Description("Why the password was refused.")]
    [OutputType(typeof(NonNullGraphType<PasswordWeaknessType>))]
    public PasswordWeakness Reason { get; } = violation.Reason;

    [Description("The shortest password accepted, in characters.")]
    public int MinLength => PasswordPolicy.MinLength;

    [Description("The longest password accepted, in characters.")]
    public int MaxLength => PasswordPolicy.MaxLength;
}

public sealed class PasswordWeaknessType : EnumerationGraphType<PasswordWeakness>
{
    public PasswordWeaknessType()
    {
        Name = "PasswordWeakness";
        Description = "Why a password was refused.";
        Values["TOO_SHORT"]!.Description = $"Shorter than {PasswordPolicy.MinLength} characters.";
        Values["TOO_LONG"]!.Description = $"Longer than {PasswordPolicy.MaxLength} characters.";
        Values["CONTAINS_EMAIL"]!.Description = "Is or contains the account's email address (or the part before the @).";
        Values["TOO_COMMON"]!.Description = "Among the most common passwords (possibly with digits or symbols around it), or too repetitive.";
        Values["SAME_AS_CURRENT"]!.Description = "The new password is the current one.";
    }
}

[Description("Too many wrong passwords in a row: sign-in is refused until `lockedUntil`.")]
public sealed class AccountLockedError(AccountLockedViolation violation) : UserError(ViolationKind.AccountLocked, violation.Message)
{
    [Description("When sign-in attempts are accepted again (UTC).")]
    public DateTime LockedUntil { get; } = violation.LockedUntil;
}

[Description("The account is suspended by the moderators: it cannot sign in or refresh its tokens.")]
public sealed class AccountSuspendedError(Violation violation) : UserError(ViolationKind.AccountSuspended, violation.Message);

/// <remarks>Unknown, already used, revoked or meant for something else: all look the same, on purpose.</remarks>
[Description("The token is unknown, already used, revoked or meant for something else (deliberately indistinguishable).")]
public sealed class InvalidTokenError(Violation violation) : UserError(ViolationKind.InvalidToken, violation.Message);

[Description("The token was valid but has expired: ask for a new one.")]
public sealed class TokenExpiredError(Violation violation) : UserError(ViolationKind.TokenExpired, violation.Message);

[Description("The account's email address is already verified: nothing to resend.")]
public sealed class EmailAlreadyVerifiedError(Violation violation) : UserError(ViolationKind.EmailAlreadyVerified, violation.Message);

[Description("Too many attempts from this address or on this account: try again after `retryAfterSeconds`.")]
public sealed class RateLimitedError(RateLimitedViolation violation) : UserError(ViolationKind.RateLimited, violation.Message)
{
    [Description("How long to wait before trying again, in seconds.")]
    public int RetryAfterSeconds { get; } = violation.RetryAfterSeconds;

    [Description("When trying again will be accepted (UTC).")]
    public DateTime RetryAt { get; } = violation.RetryAt;
}

/// <summary>The one place where the accounts' violations become the API's typed errors.</summary>
internal static class AccountErrors
{
    public static IReadOnlyList<UserError> From(IEnumerable<Violation> violations) => violations.Select(From).ToList();

    public static UserError From(Violation violation) => violation switch
    {
        WeakPasswordViolation weak => new WeakPasswordError(weak),
        AccountLockedViolation locked => new AccountLockedError(locked),
        RateLimitedViolation limited => new RateLimitedError(limited),
        { Kind: ViolationKind.EmailTaken } => new EmailTakenError(violation),
        { Kind: ViolationKind.InvalidCredentials } => new InvalidCredentialsError(violation),
        { Kind: ViolationKind.AccountSuspended } => new AccountSuspendedError(violation),
        { Kind: ViolationKind.InvalidToken } => new InvalidTokenError(violation),
        { Kind: ViolationKind.TokenExpired } => new TokenExpiredError(violation),
        { Kind: ViolationKind.EmailAlreadyVerified } => new EmailAlreadyVerifiedError(violation),
        _ => new InvalidInputError(violation),
    };
}
