using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Media;

/// <summary>
/// The real host with <see cref="UploadTestSchema"/>, its own image folder and its own upload spool folder, so a
/// test can see exactly what was stored and that no temporary file outlives a request.
/// </summary>
public class MediaAppFactory : TrocAppFactory
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "troc-media-test-" + Guid.NewGuid().ToString("N"));

    public string MediaFolder => Path.Combine(_root, "media");

    public string SpoolFolder => Path.Combine(_root, "spool");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(Limits)
    {
        ["Media:LocalPath"] = MediaFolder,
        ["Graph:Uploads:TempPath"] = SpoolFolder,
    };

    /// <summary>Limits a subclass tightens (e.g. "Graph:Uploads:MaxFileBytes"); none by default.</summary>
    protected virtual IDictionary<string, string?> Limits => new Dictionary<string, string?>();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<ISchema>();
        services.AddSingleton<ISchema>(provider => new UploadTestSchema(new SelfActivatingServiceProvider(provider)));
    }

    /// <summary>Every file in the image store, by name.</summary>
    public string[] StoredFiles() => Directory.Exists(MediaFolder)
        ? Directory.GetFiles(MediaFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>().Order().ToArray()
        : [];

    /// <summary>Every file still in the upload spool (should be none once a request is answered).</summary>
    public string[] SpooledFiles() => Directory.Exists(SpoolFolder)
        ? Directory.GetFiles(SpoolFolder, "*", SearchOption.AllDirectories)
        : [];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
