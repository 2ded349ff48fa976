using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Troc.Graph.Ide;

/// <summary>
/// Serves Banana Cake Pop where the API lives: a browser opening <c>/graphql</c> gets the IDE, while GraphQL requests
/// to the same URL (no <c>text/html</c> in Accept, or a <c>query</c> parameter) go on to the HTTP transport. The IDE's
/// scripts and styles are served under <c>/graphql/</c> by the static file middleware that follows this one.
/// </summary>
public sealed class BananaCakePopMiddleware(
    RequestDelegate next,
    BananaCakePopAssets assets,
    IOptions<IdeOptions> options)
{
    public static readonly PathString EndpointPath = "/graphql";

    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(EndpointPath, out var rest))
            return next(context);

        return rest.Value switch
        {
            "" when IsBrowserNavigation(request) => WritePageAsync(context),
            "/" or "/index.html" => WritePageAsync(context),
            "/bcp-config.json" => WriteConfigAsync(context),
            _ => next(context),
        };
    }

    /// <summary>A browser asks for HTML; a GraphQL GET names its operation in the query string, whatever it accepts.</summary>
    private static bool IsBrowserNavigation(HttpRequest request) =>
        !request.Query.ContainsKey("query")
        && !request.Query.ContainsKey("documentId")
        && request.GetTypedHeaders().Accept.Any(accepted =>
            accepted.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && accepted.Quality is not 0);

    private async Task WritePageAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        response.ContentType = "text/html; charset=utf-8";
        ApplySecurityHeaders(context);
        if (assets.IndexHtml is not { } indexHtml)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            if (!HttpMethods.IsHead(context.Request.Method))
                await response.WriteAsync(NotInstalledPage, context.RequestAborted);
            return;
        }
        // The page refers to its scripts relatively (static/js/…); from /graphql, without a trailing slash, the
        // browser would resolve them against the site root. The base keeps them under /graphql/.
        var baseHref = WebUtility.HtmlEncode($"{context.Request.PathBase}{EndpointPath}/");
        var page = indexHtml.Replace("<head>", $"<head><base href=\"{baseHref}\"/>", StringComparison.OrdinalIgnoreCase);
        if (!HttpMethods.IsHead(context.Request.Method))
            await response.WriteAsync(page, context.RequestAborted);
    }

    /// <summary>
    /// The IDE runs operations with whatever token is pasted into it, so no other site may frame it (clickjacking) and
    /// the page may run only its own scripts and talk only to this server: over HTTP, and over WebSocket for
    /// subscriptions (named explicitly, as not every browser counts ws: as 'self'). What the IDE itself needs: its
    /// settings validator (ajv) compiles JSON schemas with `new Function` ('unsafe-eval': the page stays blank without
    /// it; scripts still come from this server only), its editor starts web workers from its own files and from blob:
    /// URLs, and its styles are injected at run time. With connect-src limited to this
    /// server, the IDE cannot be pointed at another endpoint, and nothing (sign-in, telemetry) reaches ChilliCream's
    /// services.
    /// </summary>
    private static void ApplySecurityHeaders(HttpContext context)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            $"connect-src 'self' {(request.IsHttps ? "wss" : "ws")}://{request.Host}",
            "worker-src 'self' blob:",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }

    /// <summary>
    /// Banana Cake Pop fetches this file from beside its page before it connects: it points the IDE at this server's
    /// GraphQL endpoint over HTTP and over WebSocket (graphql-transport-ws).
    /// </summary>
    private Task WriteConfigAsync(HttpContext context)
    {
        var request = context.Request;
        var endpoint = $"{request.PathBase}{EndpointPath}";
        var config = new BananaCakePopConfig(
            Title: options.Value.Title,
            Endpoint: endpoint,
            UseBrowserUrlAsEndpoint: true,
            SubscriptionEndpoint: $"{(request.IsHttps ? "wss" : "ws")}://{request.Host}{endpoint}",
            SubscriptionProtocol: "graphql-transport-ws",
            UseGet: false,
            IncludeCookies: false,
            DisableTelemetry: true);
        context.Response.Headers.CacheControl = "no-cache";
        return context.Response.WriteAsJsonAsync(config, ConfigJson, context.RequestAborted);
    }

    private sealed record BananaCakePopConfig(
        string Title,
        string Endpoint,
        bool UseBrowserUrlAsEndpoint,
        string SubscriptionEndpoint,
        string SubscriptionProtocol,
        bool UseGet,
        bool IncludeCookies,
        bool DisableTelemetry);

    private static readonly string NotInstalledPage = $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"/><title>Banana Cake Pop is not installed</title></head>
        <body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto">
        <h1>Banana Cake Pop is not installed</h1>
        <p>The GraphQL API is running at this address; only its in-browser IDE is missing. Install it with</p>
        <pre>{BananaCakePopAssets.InstallCommand}</pre>
        <p>from the repository root (<code>./troc run</code> and <code>./troc test</code> do it), then restart the server.</p>
        </body>
        </html>
        """;
}
