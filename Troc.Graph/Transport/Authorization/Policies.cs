using System.Security.Claims;

namespace Troc.Graph.Transport.Authorization;

/// <summary>
/// The authorization policies a field can declare, with GraphQL.NET's own metadata: `.AuthorizeWithPolicy(Policies.SignedIn)`
/// on a field builder, `[Authorize(Policies.SignedIn)]` on a type-first method. A field without one is anonymous.
/// <see cref="AuthorizationRule"/> enforces them before execution.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in account (a valid access token whose session is open).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>A signed-in account whose email address has been verified.</summary>
    public const string EmailVerified = "EmailVerified";

    /// <summary>A signed-in account with the Admin role.</summary>
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [SignedIn, EmailVerified, Admin];

    public static AuthorizationVerdict Evaluate(string policy, ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return AuthorizationVerdict.NotAuthenticated;
        var allowed = policy switch
        {
            SignedIn => true,
            EmailVerified => user.HasVerifiedEmail(),
            Admin => user.IsAdmin(),
            // Fail closed: a misspelt policy must not open a field (a schema test checks every declared name).
            _ => false,
        };
        return allowed ? AuthorizationVerdict.Allowed : AuthorizationVerdict.NotAuthorized;
    }
}

public enum AuthorizationVerdict
{
    Allowed,
    NotAuthenticated,
    NotAuthorized,
}
