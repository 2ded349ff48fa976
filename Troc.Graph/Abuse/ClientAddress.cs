using GraphQL;

namespace Troc.Graph.Abuse;

/// <summary>The client's IP address as the per-IP limits see it.</summary>
public static class ClientAddress
{
    /// <remarks>
    /// Behind a load balancer this is the balancer unless ASP.NET Core's forwarded-headers middleware is set up
    /// for it; with no address at all (in-process test server) every request shares one bucket.
    /// </remarks>
    public static string Of(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The address of the request a resolver runs for.</summary>
    public static string Of(IResolveFieldContext context) =>
        Of(context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext);
}
