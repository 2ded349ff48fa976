using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// The default <see cref="IWebSocketAuthenticator"/>: no <c>authorization</c> in the payload means an anonymous
/// socket; a value is checked by the application's own <c>Bearer</c> authentication scheme, exactly as an HTTP
/// <c>Authorization</c> header would be, so HTTP and WebSocket accept and refuse the same tokens. Without a Bearer
/// scheme nothing can vouch for a token, so any value is refused rather than ignored.
/// </summary>
public sealed class BearerWebSocketAuthenticator(IServiceScopeFactory scopeFactory, ILogger<BearerWebSocketAuthenticator> logger)
    : IWebSocketAuthenticator
{
    /// <summary>The scheme name JwtBearer registers by default (<c>JwtBearerDefaults.AuthenticationScheme</c>).</summary>
    public const string BearerScheme = "Bearer";

    public const string AuthorizationKey = "authorization";

    public async ValueTask<WebSocketAuthenticationResult> AuthenticateAsync(
        HttpContext context, JsonElement? initPayload, CancellationToken cancellationToken)
    {
        if (initPayload is not { } payload
            || !payload.TryGetProperty(AuthorizationKey, out var authorization)
            || authorization.ValueKind == JsonValueKind.Null)
            return WebSocketAuthenticationResult.Anonymous();

        if (authorization.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(authorization.GetString()))
        {
            logger.LogInformation("WebSocket refused: 'authorization' in connection_init is not a non-empty string");
            return WebSocketAuthenticationResult.Refuse();
        }

        // A scope of its own: authentication handlers are cached per scope and bound to the first HttpContext they
        // see, so reusing the upgrade request's scope could answer from the upgrade request's own headers.
        await using var scope = scopeFactory.CreateAsyncScope();
        var schemes = scope.ServiceProvider.GetService<IAuthenticationSchemeProvider>();
        if (schemes is null || await schemes.GetSchemeAsync(BearerScheme) is null)
        {
            logger.LogWarning("WebSocket refused: an authorization value was sent but no '{Scheme}' authentication scheme is registered to validate it", BearerScheme);
            return WebSocketAuthenticationResult.Refuse();
        }

        // The token is presented to the scheme as the header it would arrive in over HTTP.
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
        probe.Request.Headers.Authorization = authorization.GetString();
        probe.Connection.RemoteIpAddress = context.Connection.RemoteIpAddress;
        var result = await probe.AuthenticateAsync(BearerScheme);
        // JwtBearer puts the token's expiry in the ticket's properties.
        if (result.Succeeded && result.Principal is { } principal)
            return WebSocketAuthenticationResult.Accept(principal, result.Properties?.ExpiresUtc);

        logger.LogInformation("WebSocket refused: the authorization value was not accepted ({Failure})",
            result.Failure?.Message ?? "no result");
        return WebSocketAuthenticationResult.Refuse();
    }
}
