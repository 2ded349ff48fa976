using Troc.Domain.Common;

namespace Troc.Domain.Media;

/// <summary>Why an upload is not a photo Troc keeps.</summary>
public enum ImageFailureCode
{
    /// <summary>Not a picture at all (text, a PDF, random bytes), whatever its name or declared type says.</summary>
    NotAnImage,

    /// <summary>A picture in a format Troc does not take (GIF, HEIC, TIFF, BMP, AVIF, SVG…): JPEG, PNG or WebP only.</summary>
    UnsupportedFormat,

    /// <summary>More pixels than allowed, or a side too long (decompression bombs): refused from the header alone.</summary>
    ImageTooLarge,

    /// <summary>More bytes than allowed.</summary>
    FileTooLarge,

    /// <summary>Starts like a JPEG, PNG or WebP but cannot be decoded whole (truncated, damaged).</summary>
    CorruptImage,
}

/// <summary>A refused upload: a stable machine-readable code and a message in French, fit to show to the person.</summary>
public sealed record ImageFailure(ImageFailureCode Code, string Message)
{
    /// <summary>The violation this failure is to the API.</summary>
    public ViolationKind Kind => Code switch
    {
        ImageFailureCode.NotAnImage => ViolationKind.NotAnImage,
        ImageFailureCode.UnsupportedFormat => ViolationKind.UnsupportedFormat,
        ImageFailureCode.ImageTooLarge => ViolationKind.ImageTooLarge,
        ImageFailureCode.FileTooLarge => ViolationKind.FileTooLarge,
        ImageFailureCode.CorruptImage => ViolationKind.CorruptImage,
        _ => throw new InvalidOperationException($"Unknown image failure {Code}"),
    };

    /// <summary>The code as payload errors spell it: NOT_AN_IMAGE, UNSUPPORTED_FORMAT, IMAGE_TOO_LARGE, FILE_TOO_LARGE, CORRUPT_IMAGE.</summary>
    public string CodeName => Kind.Code();

    public static ImageFailure NotAnImage() =>
        new(ImageFailureCode.NotAnImage, "Ce fichier n'est pas une image : envoyez une photo JPEG, PNG ou WebP.");

    public static ImageFailure UnsupportedFormat(string format) =>
        new(ImageFailureCode.UnsupportedFormat, $"Le format {format} n'est pas accepté : envoyez une photo JPEG, PNG ou WebP.");

    public static ImageFailure ImageTooLarge(int width, int height, ImageProcessingOptions limits) =>
        new(ImageFailureCode.ImageTooLarge,
            $"L'image est trop grande ({width} × {height} pixels) : au plus {limits.MaxSide} pixels de côté et {limits.MaxPixels / 1_000_000.0:0.#} millions de pixels.");

    public static ImageFailure FileTooLarge(long maxBytes) =>
        new(ImageFailureCode.FileTooLarge, $"Le fichier dépasse {maxBytes / (1024.0 * 1024.0):0.#} Mo.");

    public static ImageFailure CorruptImage() =>
        new(ImageFailureCode.CorruptImage, "L'image est incomplète ou endommagée et ne peut pas être lue : envoyez-la de nouveau.");
}
