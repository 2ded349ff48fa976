using Microsoft.Extensions.Options;
using Troc.Domain.Media;

namespace Troc.Graph.WebApp;

/// <summary>
/// Headers of the app's page. The Content-Security-Policy lets the page run only its own scripts and talk only to its
/// own origin (GraphQL over HTTP and WebSocket), so an injected script or a hostile frame gets nowhere; photos may also
/// come from the media origin when a bucket or CDN serves them (Media:PublicBaseUrl).
/// </summary>
public sealed class WebAppSecurityHeaders(IOptions<MediaOptions> media)
{
    public string ContentSecurityPolicy { get; } = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        // React sets style attributes (sizes, positions); no inline <style> or script comes with the build.
        "style-src 'self' 'unsafe-inline'",
        $"img-src 'self' data: blob:{MediaOrigin(media.Value.PublicBaseUrl)}",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
    }

    private static string MediaOrigin(string publicBaseUrl) =>
        Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? " " + url.GetLeftPart(UriPartial.Authority)
            : "";
}
