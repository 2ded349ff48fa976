using System.ComponentModel;
using Troc.Domain.Common;
using Troc.Domain.Media;
using Troc.Graph.Common;

namespace Troc.Graph.Media;

/// <summary>
/// A refused photo, as a payload error. One GraphQL type per reason, so that a client can switch on `__typename`
/// as well as on `code`; `field` names the upload argument at fault (e.g. `images[2]`).
/// </summary>
public abstract class ImageUploadError(ViolationKind kind, string message, string field) : UserError(kind, message)
{
    [Description("The upload at fault, as the mutation's input names it, with its index in a list (e.g. `images[2]`).")]
    public string Field { get; } = field;
}

[Description("The file is not a picture (whatever its name or declared type): send a JPEG, PNG or WebP photo.")]
public sealed class NotAnImageError(string message, string field) : ImageUploadError(ViolationKind.NotAnImage, message, field);

[Description("The file is a picture in a format Troc does not take (GIF, HEIC, TIFF, AVIF, SVG…): only JPEG, PNG or WebP.")]
public sealed class UnsupportedImageFormatError(string message, string field) : ImageUploadError(ViolationKind.UnsupportedFormat, message, field);

[Description("The picture has too many pixels or too long a side; refused from its header, before decoding.")]
public sealed class ImageTooLargeError(string message, string field) : ImageUploadError(ViolationKind.ImageTooLarge, message, field);

[Description("The file is larger than the size limit per photo.")]
public sealed class FileTooLargeError(string message, string field) : ImageUploadError(ViolationKind.FileTooLarge, message, field);

[Description("The picture starts like a JPEG, PNG or WebP but is truncated or damaged and cannot be read.")]
public sealed class CorruptImageError(string message, string field) : ImageUploadError(ViolationKind.CorruptImage, message, field);

public static class ImageUploadErrors
{
    /// <summary>Every image error type, to list in a payload type: <c>PayloadType(..., [..ImageUploadErrors.Types, typeof(NotOwnerError)])</c>.</summary>
    public static readonly Type[] Types =
    [
        typeof(NotAnImageError),
        typeof(UnsupportedImageFormatError),
        typeof(ImageTooLargeError),
        typeof(FileTooLargeError),
        typeof(CorruptImageError),
    ];

    /// <summary>The payload error for a refused upload.</summary>
    public static ImageUploadError From(ImageFailure failure, string field) => failure.Code switch
    {
        ImageFailureCode.NotAnImage => new NotAnImageError(failure.Message, field),
        ImageFailureCode.UnsupportedFormat => new UnsupportedImageFormatError(failure.Message, field),
        ImageFailureCode.ImageTooLarge => new ImageTooLargeError(failure.Message, field),
        ImageFailureCode.FileTooLarge => new FileTooLargeError(failure.Message, field),
        ImageFailureCode.CorruptImage => new CorruptImageError(failure.Message, field),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Code, null),
    };
}
