using Microsoft.Extensions.Options;

namespace Troc.Graph.Ide;

/// <summary>
/// Where the npm package <c>@chillicream/bananacakepop-graphql-ide</c> was installed. Its static build (index.html,
/// static/js, static/css) sits at the package's root.
/// </summary>
public sealed class BananaCakePopAssets
{
    public const string InstallCommand = "npm ci --prefix Troc.Graph/ide-package";

    private const string PackageFolder = "node_modules/@chillicream/bananacakepop-graphql-ide";
    private const int LevelsSearchedUpwards = 5;

    public BananaCakePopAssets(IOptions<IdeOptions> options, IHostEnvironment environment, ILogger<BananaCakePopAssets> logger)
    {
        var candidates = Candidates(options.Value.AssetsPath, environment.ContentRootPath).Distinct().ToArray();
        Directory = candidates.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "index.html")));
        if (Directory is null && options.Value.Enabled)
            logger.LogWarning(
                "Banana Cake Pop is not installed, so GET /graphql from a browser answers 503. Run `{InstallCommand}` " +
                "and restart. Looked in: {Candidates}", InstallCommand, candidates);
    }

    /// <summary>The folder holding index.html, or null when the package is not installed.</summary>
    public string? Directory { get; }

    /// <summary>The IDE's page, read once: it changes only when the package is reinstalled, and that means a restart.</summary>
    public string? IndexHtml => Directory is null ? null : _indexHtml ??= File.ReadAllText(Path.Combine(Directory, "index.html"));

    private string? _indexHtml;

    private static IEnumerable<string> Candidates(string? configuredPath, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            // An explicit path is obeyed, not second-guessed: a typo must show up as "not installed".
            yield return Path.GetFullPath(configuredPath, contentRoot);
            yield break;
        }
        // `dotnet run` has the project as content root; `dotnet Troc.Graph/bin/…/Troc.Graph.dll` from the repository
        // has the repository; a published build carries the package beside its binaries (see Troc.Graph.csproj).
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            var folder = new DirectoryInfo(start);
            for (var level = 0; folder is not null && level <= LevelsSearchedUpwards; level++, folder = folder.Parent)
            {
                yield return Path.Combine(folder.FullName, "ide-package", PackageFolder);
                yield return Path.Combine(folder.FullName, "Troc.Graph", "ide-package", PackageFolder);
            }
        }
    }
}
