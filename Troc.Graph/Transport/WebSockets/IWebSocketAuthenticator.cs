using System.Security.Claims;
using System.Text.Json;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// Decides who a socket speaks for, from its <c>connection_init</c> payload: browsers cannot set headers on a
/// WebSocket, so the credentials travel there (<c>{ "authorization": "Bearer &lt;jwt&gt;" }</c>). The principal
/// returned is the <c>User</c> of every operation on the socket; a refusal closes it with 4403.
/// </summary>
public interface IWebSocketAuthenticator
{
    /// <param name="context">The upgrade request (headers, connection, request services).</param>
    /// <param name="initPayload">The <c>connection_init</c> payload: an object, or null when absent.</param>
    /// <param name="cancellationToken">Cancelled when the socket closes.</param>
    ValueTask<WebSocketAuthenticationResult> AuthenticateAsync(HttpContext context, JsonElement? initPayload, CancellationToken cancellationToken);
}

/// <summary>Who the socket speaks for, or a refusal.</summary>
public sealed class WebSocketAuthenticationResult
{
    private WebSocketAuthenticationResult(ClaimsPrincipal? principal, DateTimeOffset? expiresAt)
    {
        Principal = principal;
        ExpiresAt = expiresAt;
    }

    /// <summary>The socket's user; null when refused.</summary>
    public ClaimsPrincipal? Principal { get; }

    /// <summary>When the credentials expire: the socket is closed then (4403), and the client reconnects with fresh ones.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    public bool IsRefused => Principal is null;

    public static WebSocketAuthenticationResult Accept(ClaimsPrincipal principal, DateTimeOffset? expiresAt = null) => new(principal, expiresAt);

    /// <summary>An unauthenticated identity: the operations that allow anonymous callers still work.</summary>
    public static WebSocketAuthenticationResult Anonymous() => new(new ClaimsPrincipal(new ClaimsIdentity()), null);

    public static WebSocketAuthenticationResult Refuse() => new(null, null);
}
