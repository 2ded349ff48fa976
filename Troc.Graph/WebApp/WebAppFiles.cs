using Microsoft.Extensions.Options;

namespace Troc.Graph.WebApp;

/// <summary>Finds the built web app once, at startup.</summary>
public sealed class WebAppFiles(IOptions<WebAppOptions> options, IWebHostEnvironment environment, ILogger<WebAppFiles> logger)
{
    private readonly Lazy<string?> _directory = new(() => Locate(options.Value, environment, logger));

    /// <summary>The folder holding index.html, or null when there is no built app.</summary>
    public string? Directory => _directory.Value;

    private static string? Locate(WebAppOptions options, IWebHostEnvironment environment, ILogger logger)
    {
        if (!options.Enabled) return null;
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            var configured = System.IO.Path.GetFullPath(options.Path, environment.ContentRootPath);
            if (File.Exists(System.IO.Path.Combine(configured, "index.html"))) return configured;
            logger.LogWarning("WebApp:Path {Path} holds no index.html: serving the API without the web app", configured);
            return null;
        }
        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = System.IO.Path.Combine(folder.FullName, "client", "dist");
                if (File.Exists(System.IO.Path.Combine(candidate, "index.html"))) return candidate;
            }
        }
        logger.LogInformation("No built web app (client/dist) found: serving the API alone; `./troc build` builds it");
        return null;
    }
}
