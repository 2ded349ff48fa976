namespace Troc.Domain.Media;

/// <summary>One stored rendition: its object name in the image store (also the last segment of its URL) and its size.</summary>
public sealed record ImageVariant(ImageSize Size, string Name, int Width, int Height);

/// <summary>
/// A photo kept in the image store: an id of our own and its three renditions. This is what a feature (a listing's
/// photos, an avatar) persists; URLs are built from it when read.
/// </summary>
public sealed record StoredImage(string Id, ImageVariant Thumbnail, ImageVariant Card, ImageVariant Full)
{
    public ImageVariant this[ImageSize size] => size switch
    {
        ImageSize.Thumbnail => Thumbnail,
        ImageSize.Card => Card,
        ImageSize.Full => Full,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    public IEnumerable<ImageVariant> Variants => [Thumbnail, Card, Full];
}

/// <summary>The outcome of <see cref="ImageService.SaveAsync"/>: the stored photo, or why it was refused (nothing stored).</summary>
public sealed record ImageSaveResult
{
    private ImageSaveResult(StoredImage? image, ImageFailure? failure) => (Image, Failure) = (image, failure);

    public StoredImage? Image { get; }

    public ImageFailure? Failure { get; }

    public bool Succeeded => Image is not null;

    public static ImageSaveResult Success(StoredImage image) => new(image, null);

    public static implicit operator ImageSaveResult(ImageFailure failure) => new(null, failure);
}
