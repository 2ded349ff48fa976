using System.ComponentModel.DataAnnotations;

namespace Troc.Graph.Transport.Http.Uploads;

/// <summary>Limits of GraphQL multipart requests (file uploads), bound from "Graph:Uploads".</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Graph:Uploads";

    /// <summary>Largest file accepted, in bytes (10 MB).</summary>
    [Range(1, long.MaxValue / 1024)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most files in one request.</summary>
    [Range(1, 100)]
    public int MaxFiles { get; set; } = 10;

    /// <summary>Where files are spooled while a request runs; the system's temporary folder when empty.</summary>
    public string? TempPath { get; set; }

    /// <summary>
    /// The whole multipart body: every file at its largest, plus the "operations" and "map" fields (each bounded by
    /// the JSON limit) and room for the parts' headers and boundaries.
    /// </summary>
    public long MaxRequestBytes(long maxJsonBytes) => MaxFiles * MaxFileBytes + 2 * maxJsonBytes + 64 * 1024;

    public string UploadRoot => Path.Combine(string.IsNullOrWhiteSpace(TempPath) ? Path.GetTempPath() : TempPath, "troc-uploads");
}
