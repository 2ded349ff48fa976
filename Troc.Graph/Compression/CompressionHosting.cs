using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Troc.Graph.Transport.Http;

namespace Troc.Graph.Compression;

/// <summary>
/// Brotli or gzip for what the server writes on the fly: GraphQL results (a search page is ~85 KB of JSON, a few KB
/// compressed), the web app's page and the IDE. The web app's scripts and styles are compressed once at build time and
/// served as they are (<see cref="WebApp.PrecompressedFiles"/>): this middleware leaves a response that already has a
/// Content-Encoding alone, and never sees photos (JPEG is compressed already).
/// </summary>
public static class CompressionHosting
{
    /// <summary>What is compressed: ASP.NET Core's text types (HTML, CSS, JavaScript, JSON…), GraphQL's JSON and SVG.</summary>
    public static readonly IReadOnlyList<string> MimeTypes =
        [.. ResponseCompressionDefaults.MimeTypes, GraphQLMediaTypes.GraphQLResponseJson, "image/svg+xml"];

    public static WebApplicationBuilder AddTrocCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            // BREACH needs a secret in a response that a cross-site request can make the browser send with its
            // credentials. Troc's credentials are bearer tokens that only the app's own script adds, never cookies, so a
            // forged request carries none and its response holds no secret to guess.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = MimeTypes;
        });
        // Each response is compressed once, as it is written: the fastest levels already shrink JSON about tenfold, and
        // a stronger level costs more server time than it saves on the wire.
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>
    /// First in the pipeline, so it wraps every response after it. WebSocket upgrades go around it: a 101 has no body
    /// to compress, and nothing should stand between the socket and its frames.
    /// </summary>
    public static WebApplication UseTrocCompression(this WebApplication app)
    {
        app.UseWhen(context => !IsUpgrade(context), branch => branch.UseResponseCompression());
        return app;
    }

    /// <summary>
    /// An HTTP/1.1 upgrade or an HTTP/2 extended CONNECT (how WebSockets open), seen from the server's own features:
    /// this runs before UseWebSockets, which is what makes <c>WebSockets.IsWebSocketRequest</c> true on a real socket.
    /// </summary>
    private static bool IsUpgrade(HttpContext context) =>
        context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true
        || context.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true
        || context.WebSockets.IsWebSocketRequest;
}
