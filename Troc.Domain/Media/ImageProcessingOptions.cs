using System.ComponentModel.DataAnnotations;

namespace Troc.Domain.Media;

/// <summary>What a photo may be and how it is re-encoded; bound from "Media:Images".</summary>
public sealed class ImageProcessingOptions
{
    public const string SectionName = "Media:Images";

    /// <summary>Largest file accepted, in bytes (10 MB).</summary>
    [Range(1, int.MaxValue)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most pixels (width × height) decoded: 50 megapixels, about 200 MB of memory at 4 bytes a pixel.</summary>
    [Range(1, 500_000_000)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Longest side accepted, in pixels.</summary>
    [Range(1, 65_535)]
    public int MaxSide { get; set; } = 12_000;

    /// <summary>JPEG and WebP quality of the renditions (0–100).</summary>
    [Range(1, 100)]
    public int Quality { get; set; } = 82;
}
