using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Troc.Domain.Persistence;
using Troc.Domain.Users;

namespace Troc.Graph.Transport.Authorization;

/// <summary>Issues short-lived JWT access tokens (HS256).</summary>
public sealed class AccessTokenIssuer(SigningKeyProvider keys, IOptions<AuthOptions> options, TimeProvider clock) : IAccessTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();

    public IssuedAccessToken Issue(User user, Guid sessionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expiresAt = now + options.Value.AccessTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expiresAt,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [TrocClaims.Subject] = user.Id.ToString(),
                [TrocClaims.SessionId] = sessionId.ToString(),
                [TrocClaims.Role] = user.Role.ToString(),
                [TrocClaims.EmailVerified] = user.IsEmailVerified,
                [TrocClaims.TokenId] = Guid.NewGuid().ToString(),
            },
        });
        return new IssuedAccessToken(token, expiresAt);
    }
}

/// <summary>
/// Validates access tokens the same way for HTTP (through the JwtBearer handler's events) and WebSocket
/// (connection_init): signature with HS256 only (so `alg: none` and algorithm confusion fail), issuer, audience,
/// lifetime; then the session and account as they are now in the database, whose live state (revoked,
/// suspended, email verified, role) replaces what the token claimed when it was issued.
/// </summary>
public sealed class AccessTokenValidator(
    SigningKeyProvider keys,
    IOptions<AuthOptions> options,
    IDbContextFactory<TrocDbContext> dbFactory)
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public TokenValidationParameters Parameters => new()
    {
        ValidIssuer = options.Value.Issuer,
        ValidAudience = options.Value.Audience,
        IssuerSigningKey = keys.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = options.Value.ClockSkew,
        NameClaimType = TrocClaims.Subject,
        RoleClaimType = TrocClaims.Role,
        AuthenticationType = JwtBearerDefaults.AuthenticationScheme,
    };

    /// <summary>Validates a raw token (WebSocket path).</summary>
    public async Task<AccessTokenCheck> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var result = await _handler.ValidateTokenAsync(token, Parameters);
        if (!result.IsValid)
            return AccessTokenCheck.Fail(result.Exception is SecurityTokenExpiredException ? AccessTokenFailure.Expired : AccessTokenFailure.Invalid);
        return await CheckSessionAsync(new ClaimsPrincipal(result.ClaimsIdentity), cancellationToken);
    }

    /// <summary>Second half of validation, once the signature and lifetime are known good.</summary>
    public async Task<AccessTokenCheck> CheckSessionAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirst(TrocClaims.Subject)?.Value, out var userId)
            || !Guid.TryParse(principal.FindFirst(TrocClaims.SessionId)?.Value, out var sessionId))
            return AccessTokenCheck.Fail(AccessTokenFailure.Invalid);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await SessionStore.GetAccessAsync(db, sessionId, userId, cancellationToken);
        if (access is null || access.SessionRevoked) return AccessTokenCheck.Fail(AccessTokenFailure.Revoked);
        if (access.UserSuspended) return AccessTokenCheck.Fail(AccessTokenFailure.Suspended);

        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => c.Type is not (TrocClaims.Role or TrocClaims.EmailVerified)),
            JwtBearerDefaults.AuthenticationScheme, TrocClaims.Subject, TrocClaims.Role);
        identity.AddClaim(new Claim(TrocClaims.Role, access.Role.ToString()));
        identity.AddClaim(new Claim(TrocClaims.EmailVerified, access.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        return AccessTokenCheck.Success(new ClaimsPrincipal(identity));
    }
}

public enum AccessTokenFailure
{
    /// <summary>Malformed, badly signed, wrong algorithm, issuer or audience.</summary>
    Invalid,
    Expired,

    /// <summary>Its session was ended (logout, logoutEverywhere, password reset, reuse of a refresh token).</summary>
    Revoked,
    Suspended,
}

public sealed record AccessTokenCheck(ClaimsPrincipal? Principal, AccessTokenFailure? Failure)
{
    public static AccessTokenCheck Success(ClaimsPrincipal principal) => new(principal, null);

    public static AccessTokenCheck Fail(AccessTokenFailure failure) => new(null, failure);

    /// <summary>`extensions.code` of the HTTP 401 and the WebSocket close reason.</summary>
    public string Code => Failure switch
    {
        AccessTokenFailure.Expired => "AUTH_TOKEN_EXPIRED",
        AccessTokenFailure.Revoked => "AUTH_SESSION_REVOKED",
        AccessTokenFailure.Suspended => "ACCOUNT_SUSPENDED",
        _ => "AUTH_INVALID_TOKEN",
    };

    public string Message => Failure switch
    {
        AccessTokenFailure.Expired => "The access token has expired: get a new one with refreshToken.",
        AccessTokenFailure.Revoked => "This session has ended: sign in again.",
        AccessTokenFailure.Suspended => "This account is suspended.",
        _ => "The access token is not valid.",
    };
}
