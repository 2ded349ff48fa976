using System.ComponentModel;

namespace Troc.Domain.Media;

/// <summary>The renditions kept of every photo, by their longest side. None is ever larger than the original.</summary>
[Description("A rendition of a photo, by its longest side; none is larger than the photo sent.")]
public enum ImageSize
{
    [Description("320 px on the longest side: lists and search results.")]
    Thumbnail,

    [Description("640 px on the longest side: cards and previews.")]
    Card,

    [Description("1600 px on the longest side: the photo viewer.")]
    Full,
}

public static class ImageSizes
{
    public static readonly IReadOnlyList<ImageSize> All = [ImageSize.Thumbnail, ImageSize.Card, ImageSize.Full];

    public static int LongestSide(this ImageSize size) => size switch
    {
        ImageSize.Thumbnail => 320,
        ImageSize.Card => 640,
        ImageSize.Full => 1600,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    /// <summary>The size's name in stored object names: thumbnail, card, full.</summary>
    public static string Slug(this ImageSize size) => size switch
    {
        ImageSize.Thumbnail => "thumbnail",
        ImageSize.Card => "card",
        ImageSize.Full => "full",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };
}
