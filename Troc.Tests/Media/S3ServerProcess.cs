using System.Diagnostics;
using Troc.Domain.Media;
using Troc.Tests.Node;

namespace Troc.Tests.Media;

/// <summary>
/// A real S3-protocol server on a free port: s3rver (npm, Troc.Tests/Node/s3-server.mjs) keeping a bucket in a temp
/// folder, accepting only its fixed access key. It stops when disposed (or when
/// the test process dies, since it exits once its stdin closes).
/// </summary>
public sealed class S3ServerProcess : IDisposable
{
    /// <summary>s3rver's only accepted credentials.</summary>
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    public const string Bucket = "troc-media";

    private readonly Process _process;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "troc-s3rver-" + Guid.NewGuid().ToString("N"));

    public S3ServerProcess()
    {
        Directory.CreateDirectory(_folder);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeScript.Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "s3-server.mjs", _folder, Bucket }) start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");

        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result is not { } line || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            _process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"s3rver did not start: {_process.StandardError.ReadToEnd()}");
        }
        ServiceUrl = $"http://127.0.0.1:{line["listening ".Length..]}";
    }

    public string ServiceUrl { get; }

    /// <summary>Options for a store in this server's bucket.</summary>
    public S3StoreOptions Options(string keyPrefix = "listings/", string accessKey = AccessKey) => new()
    {
        ServiceUrl = ServiceUrl,
        Bucket = Bucket,
        AccessKey = accessKey,
        SecretKey = SecretKey,
        KeyPrefix = keyPrefix,
        ForcePathStyle = true,
    };

    private bool _disposed;

    /// <summary>Stops the server; a second call (a fixture disposed both ways) does nothing.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
    }
}
