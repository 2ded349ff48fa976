using GraphQL.Types;
using Troc.Domain.Media;

namespace Troc.Graph.Media;

/// <summary>The `ImageSize` enum: THUMBNAIL, CARD, FULL, described from the domain enum's attributes.</summary>
public sealed class ImageSizeType : EnumerationGraphType<ImageSize>
{
    public ImageSizeType()
    {
        Name = "ImageSize";
        Description = "A rendition of a photo, by its longest side; none is larger than the photo that was sent.";
    }
}
