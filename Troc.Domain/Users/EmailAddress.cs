namespace Troc.Domain.Users;

/// <summary>
/// How Troc compares email addresses: trimmed and lower-cased, so « Alice@Example.FR » and « alice@example.fr »
/// are one account. Plus-addressing and dots are kept: they reach different mailboxes at some providers.
/// </summary>
public static class EmailAddress
{
    /// <summary>RFC 5321's limit on a forward path.</summary>
    public const int MaxLength = 254;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// A deliberately modest syntax check (one @, a dotted domain, no spaces or control characters): the only
    /// real proof is the verification mail.
    /// </summary>
    public static bool IsValid(string normalizedEmail)
    {
        if (normalizedEmail.Length is 0 or > MaxLength) return false;
        var at = normalizedEmail.IndexOf('@');
        if (at <= 0 || at != normalizedEmail.LastIndexOf('@') || at > 64) return false;
        var domain = normalizedEmail[(at + 1)..];
        if (domain.Length < 3 || !domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..")) return false;
        foreach (var c in normalizedEmail)
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or ':' or '\\' or '"' or '[' or ']')
                return false;
        return true;
    }
}
