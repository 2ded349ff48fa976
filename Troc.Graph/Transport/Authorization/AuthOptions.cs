namespace Troc.Graph.Transport.Authorization;

/// <summary>Configuration section `Auth`.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HMAC-SHA256 key for access tokens, base64, at least 256 bits. Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where Development keeps the key it generates on first run (relative to the repository root). Never committed: .troc/ is ignored.</summary>
    public string DevelopmentSigningKeyPath { get; set; } = ".troc/jwt-signing.key";

    public string Issuer { get; set; } = "troc";

    public string Audience { get; set; } = "troc-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromHours(48);

    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan EmailChangeLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// requestPasswordReset never answers faster than this, whether or not the account exists, so that response
    /// time says nothing about which addresses have accounts.
    /// </summary>
    public TimeSpan PasswordResetMinimumResponseTime { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Accepted difference between our clock and a token's times.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
