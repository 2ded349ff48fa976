using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Domain.Common;
using Troc.Domain.Users;
using Troc.Graph.Common;

namespace Troc.Graph.Accounts;

[Description("Another account already uses this email address.")]
public sealed class EmailTakenError() : UserError(ViolationKind.EmailTaken, "Un compte utilise déjà cette adresse email.");

/// <remarks>One error for "no such account" and "wrong password", so that login does not reveal who has an account.</remarks>
[Description("Wrong email or password (deliberately the same error for both, so that login does not reveal who has an account).")]
public sealed class InvalidCredentialsError() : UserError(ViolationKind.InvalidCredentials, "Adresse email ou mot de passe incorrect.");

[Description("The password was refused by the password policy; `reason` says why.")]
public sealed class WeakPasswordError(PasswordWeakness reason) : UserError(ViolationKind.WeakPassword, MessageFor(reason))
{
    [Description("Why the password was refused.")]
    [OutputType(typeof(NonNullGraphType<PasswordWeaknessType>))]
    public PasswordWeakness Reason { get; } = reason;

    [Description("The shortest password accepted, in characters.")]
    public int MinLength => PasswordPolicy.MinLength;

    [Description("The longest password accepted, in characters.")]
    public int MaxLength => PasswordPolicy.MaxLength;

    private static string MessageFor(PasswordWeakness reason) => reason switch
    {
        PasswordWeakness.TooShort => $"Le mot de passe doit compter au moins {PasswordPolicy.MinLength} caractères.",
        PasswordWeakness.TooLong => $"Le mot de passe ne peut pas dépasser {PasswordPolicy.MaxLength} caractères.",
        PasswordWeakness.ContainsEmail => "Le mot de passe ne doit pas contenir votre adresse email.",
        PasswordWeakness.SameAsCurrent => "Le nouveau mot de passe doit être différent de l’actuel.",
        _ => "Ce mot de passe fait partie des plus courants : choisissez-en un plus personnel (une phrase, par exemple).",
    };
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
public sealed class AccountLockedError(DateTime lockedUntil)
    : UserError(ViolationKind.AccountLocked, "Trop de tentatives de connexion échouées : le compte est temporairement verrouillé.")
{
    [Description("When sign-in attempts are accepted again (UTC).")]
    public DateTime LockedUntil { get; } = lockedUntil;
}

[Description("The account is suspended by the moderators: it cannot sign in or refresh its tokens.")]
public sealed class AccountSuspendedError() : UserError(ViolationKind.AccountSuspended, "Ce compte est suspendu. Contactez l’équipe Troc pour en savoir plus.");

/// <remarks>Unknown, already used, revoked or meant for something else: all look the same, on purpose.</remarks>
[Description("The token is unknown, already used, revoked or meant for something else (deliberately indistinguishable).")]
public sealed class InvalidTokenError() : UserError(ViolationKind.InvalidToken, "Ce lien ou ce jeton n’est pas valide, ou a déjà servi.");

[Description("The token was valid but has expired: ask for a new one.")]
public sealed class TokenExpiredError() : UserError(ViolationKind.TokenExpired, "Ce lien ou ce jeton a expiré : demandez-en un nouveau.");

[Description("The account's email address is already verified: nothing to resend.")]
public sealed class EmailAlreadyVerifiedError() : UserError(ViolationKind.EmailAlreadyVerified, "Votre adresse email est déjà confirmée.");

[Description("Too many attempts from this address or on this account: try again after `retryAfterSeconds`.")]
public sealed class RateLimitedError(TimeSpan retryAfter, DateTime now)
    : UserError(ViolationKind.RateLimited, $"Trop de tentatives : réessayez dans {Seconds(retryAfter)} secondes.")
{
    [Description("How long to wait before trying again, in seconds.")]
    public int RetryAfterSeconds { get; } = Seconds(retryAfter);

    [Description("When trying again will be accepted (UTC).")]
    public DateTime RetryAt { get; } = now.AddSeconds(Seconds(retryAfter));

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
