namespace Troc.Domain.Users;

/// <summary>Why a password was refused.</summary>
public enum PasswordWeakness
{
    /// <summary>Shorter than <see cref="PasswordPolicy.MinLength"/> characters.</summary>
    TooShort,

    /// <summary>Longer than <see cref="PasswordPolicy.MaxLength"/> characters.</summary>
    TooLong,

    /// <summary>Is, or contains, the account's email address (or the part before the @).</summary>
    ContainsEmail,

    /// <summary>Among the most common passwords, possibly with digits or symbols around it, or too repetitive.</summary>
    TooCommon,

    /// <summary>The new password is the current one.</summary>
    SameAsCurrent,
}

/// <summary>
/// NIST SP 800-63B style: length and a block list rather than composition rules (no "one digit, one capital"),
/// which only push people towards « Motdepasse1! ».
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>Generous for passphrases, small enough that hashing it is never a denial of service.</summary>
    public const int MaxLength = 128;

    public static PasswordWeakness? Check(string password, string normalizedEmail)
    {
        if (password.Length < MinLength) return PasswordWeakness.TooShort;
        if (password.Length > MaxLength) return PasswordWeakness.TooLong;

        var lower = password.ToLowerInvariant();
        var localPart = normalizedEmail.Split('@')[0];
        if (normalizedEmail.Length > 0 && (lower.Contains(normalizedEmail) || (localPart.Length >= 4 && lower.Contains(localPart))))
            return PasswordWeakness.ContainsEmail;

        if (CommonPasswords.Contains(lower)) return PasswordWeakness.TooCommon;
        // « soleil2024! », « !!azerty!! »: a listed word dressed up with digits and symbols is no stronger.
        var core = lower.Trim(NonLetters);
        if (core.Length >= 3 && core.Length < lower.Length && CommonPasswords.Contains(core)) return PasswordWeakness.TooCommon;
        if (lower.Distinct().Count() < 4) return PasswordWeakness.TooCommon;
        return null;
    }

    private static readonly char[] NonLetters = "0123456789!?.,;:-_+=*/\\|@#$%^&~'\"`()[]{}<> ".ToCharArray();
}
