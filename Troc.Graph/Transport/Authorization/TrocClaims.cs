using System.Security.Claims;
using Troc.Domain.Users;

namespace Troc.Graph.Transport.Authorization;

/// <summary>The claims of a Troc access token (JWT names, kept as is: inbound claim mapping is off).</summary>
public static class TrocClaims
{
    public const string Subject = "sub";
    public const string SessionId = "sid";
    public const string Role = "role";
    public const string EmailVerified = "email_verified";
    public const string TokenId = "jti";

    public static Guid? UserId(this ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirst(Subject)?.Value, out var id) ? id : null;

    public static Guid? SessionIdOf(this ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirst(SessionId)?.Value, out var id) ? id : null;

    public static bool IsAdmin(this ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && principal.HasClaim(Role, nameof(UserRole.Admin));

    public static bool HasVerifiedEmail(this ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && principal.HasClaim(c => c.Type == EmailVerified && c.Value is "true" or "True");

    /// <summary>Owners read their own private fields; admins read everyone's (moderation).</summary>
    public static bool MayReadPrivateFieldsOf(this ClaimsPrincipal? principal, Guid ownerId) =>
        principal.UserId() == ownerId || principal.IsAdmin();
}
