using System.Text.Json;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Troc.Graph.Transport.Http;

namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// Which pages may open a GraphQL socket. Browsers apply no CORS to WebSockets: any page a member visits could open one
/// on their behalf and from their address (cross-site WebSocket hijacking). A browser always sends <c>Origin</c> with
/// the upgrade, so it is checked against the same allow-list as cross-origin HTTP (<see cref="GraphQLCors"/>), besides
/// this server's own pages; a request without <c>Origin</c> comes from a program, not a page, and is let through.
/// </summary>
public static class WebSocketOrigins
{
    public static async Task<bool> IsAllowedAsync(HttpContext context, ICorsPolicyProvider policies)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        if (IsSameHost(origin, context.Request.Host)) return true;
        return await policies.GetPolicyAsync(context, GraphQLCors.PolicyName) is { } policy && policy.IsOriginAllowed(origin);
    }

    /// <summary>Refuses the upgrade before accepting it: 403, with the reason as a GraphQL error for whoever reads it.</summary>
    public static async Task RefuseAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status403Forbidden;
        response.ContentType = "application/json; charset=utf-8";
        GraphQLResponseHeaders.Apply(response);
        await JsonSerializer.SerializeAsync(response.Body, new
        {
            errors = new[]
            {
                new
                {
                    message = $"WebSocket connections from the origin '{context.Request.Headers.Origin}' are not allowed (Cors:AllowedOrigins).",
                    extensions = new { code = "ORIGIN_NOT_ALLOWED" },
                },
            },
        }, cancellationToken: context.RequestAborted);
    }

    // By host name alone: a proxy in front may terminate TLS (so the scheme differs) and drop the port from Host (nginx's
    // $host), while the browser's Origin keeps both.
    private static bool IsSameHost(string origin, HostString host) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var url)
        && host.HasValue
        && string.Equals(url.IdnHost, host.Host, StringComparison.OrdinalIgnoreCase);
}
