namespace Troc.Domain.Media;

/// <summary>The encoding of every rendition of one photo: JPEG for opaque photos, WebP where transparency must survive.</summary>
public enum ImageEncoding
{
    Jpeg,
    Webp,
}

public static class ImageEncodings
{
    public static string Extension(this ImageEncoding encoding) => encoding == ImageEncoding.Webp ? "webp" : "jpg";

    public static string ContentType(this ImageEncoding encoding) => encoding == ImageEncoding.Webp ? "image/webp" : "image/jpeg";
}

/// <summary>One re-encoded rendition: no metadata left, orientation applied.</summary>
public sealed record ProcessedRendition(ImageSize Size, byte[] Content, int Width, int Height);

/// <summary>A photo after processing: its three renditions, all in the same encoding.</summary>
public sealed record ProcessedImage(ImageEncoding Encoding, IReadOnlyList<ProcessedRendition> Renditions)
{
    public ProcessedRendition this[ImageSize size] => Renditions.Single(rendition => rendition.Size == size);
}

/// <summary>The outcome of processing an upload: a photo, or why it was refused.</summary>
public sealed record ImageProcessingResult
{
    private ImageProcessingResult(ProcessedImage? image, ImageFailure? failure) => (Image, Failure) = (image, failure);

    public ProcessedImage? Image { get; }

    public ImageFailure? Failure { get; }

    public bool Succeeded => Image is not null;

    public static ImageProcessingResult Success(ProcessedImage image) => new(image, null);

    public static implicit operator ImageProcessingResult(ImageFailure failure) => new(null, failure);
}
