using Troc.Domain.Common;

namespace Troc.Domain.Users;

/// <summary>Every way an account use case can be refused, with its field and French message, in one place.</summary>
public static class AccountViolations
{
    public static readonly Violation InvalidEmail = new(ViolationKind.InvalidInput, "email", "Adresse email invalide.");

    public static readonly Violation EmailMissing = new(ViolationKind.InvalidInput, "email", "Indiquez votre adresse email.");

    public static readonly Violation PasswordMissing = new(ViolationKind.InvalidInput, "password", "Indiquez votre mot de passe.");

    public static readonly Violation DisplayNameLength = new(ViolationKind.InvalidInput, "displayName",
        $"Le nom affiché doit compter de 2 à {User.DisplayNameMaxLength} caractères.");

    public static readonly Violation InvalidNewEmail = new(ViolationKind.InvalidInput, "newEmail", "Adresse email invalide.");

    public static readonly Violation NewEmailIsCurrent = new(ViolationKind.InvalidInput, "newEmail", "C’est déjà l’adresse de votre compte.");

    public static readonly Violation MemberNotFound = new(ViolationKind.InvalidInput, "userId", "Aucun membre n’a cet identifiant.");

    public static readonly Violation SuspensionReasonLength =
        new(ViolationKind.InvalidInput, "reason", "Indiquez la raison, en 500 caractères au plus.");

    public static readonly Violation EmailTaken = new(ViolationKind.EmailTaken, "", "Un compte utilise déjà cette adresse email.");

    /// <summary>One violation for "no such account" and "wrong password", so that login does not reveal who has an account.</summary>
    public static readonly Violation InvalidCredentials = new(ViolationKind.InvalidCredentials, "", "Adresse email ou mot de passe incorrect.");

    public static readonly Violation AccountSuspended =
        new(ViolationKind.AccountSuspended, "", "Ce compte est suspendu. Contactez l’équipe Troc pour en savoir plus.");

    /// <summary>Unknown, already used, revoked or meant for something else: all look the same, on purpose.</summary>
    public static readonly Violation InvalidToken = new(ViolationKind.InvalidToken, "", "Ce lien ou ce jeton n’est pas valide, ou a déjà servi.");

    public static readonly Violation TokenExpired = new(ViolationKind.TokenExpired, "", "Ce lien ou ce jeton a expiré : demandez-en un nouveau.");

    public static readonly Violation EmailAlreadyVerified = new(ViolationKind.EmailAlreadyVerified, "", "Votre adresse email est déjà confirmée.");
}

/// <summary>The password policy refused a password; <see cref="Reason"/> says why.</summary>
public sealed record WeakPasswordViolation(PasswordWeakness Reason) : Violation(ViolationKind.WeakPassword, "", MessageFor(Reason))
{
    private static string MessageFor(PasswordWeakness reason) => reason switch
    {
        PasswordWeakness.TooShort => $"Le mot de passe doit compter au moins {PasswordPolicy.MinLength} caractères.",
        PasswordWeakness.TooLong => $"Le mot de passe ne peut pas dépasser {PasswordPolicy.MaxLength} caractères.",
        PasswordWeakness.ContainsEmail => "Le mot de passe ne doit pas contenir votre adresse email.",
        PasswordWeakness.SameAsCurrent => "Le nouveau mot de passe doit être différent de l’actuel.",
        _ => "Ce mot de passe fait partie des plus courants : choisissez-en un plus personnel (une phrase, par exemple).",
    };
}

/// <summary>Too many wrong passwords in a row: sign-in is refused until <see cref="LockedUntil"/>.</summary>
public sealed record AccountLockedViolation(DateTime LockedUntil) : Violation(ViolationKind.AccountLocked, "",
    "Trop de tentatives de connexion échouées : le compte est temporairement verrouillé.");

/// <summary>Too many attempts from one address or on one account: try again in <see cref="RetryAfterSeconds"/>.</summary>
public sealed record RateLimitedViolation(int RetryAfterSeconds, DateTime RetryAt) : Violation(ViolationKind.RateLimited, "",
    $"Trop de tentatives : réessayez dans {RetryAfterSeconds} secondes.")
{
    public static RateLimitedViolation After(TimeSpan retryAfter, DateTime now)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new RateLimitedViolation(seconds, now.AddSeconds(seconds));
    }
}
