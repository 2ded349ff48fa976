using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Media;

namespace Troc.Graph.Media;

/// <summary>
/// The shape of every photo in the API: <c>url(size)</c>, <c>width(size)</c>, <c>height(size)</c>, each for the
/// rendition asked (CARD by default). A feature subclasses it for its own photo type, e.g.
/// <c>ListingImageType : ImageGraphType&lt;ListingImage&gt;</c> with <c>image: li => li.Image</c>, and adds its own
/// fields (id, position…).
/// </summary>
public abstract class ImageGraphType<TSource> : ObjectGraphType<TSource>
{
    protected ImageGraphType(string name, string description, Func<TSource, StoredImage> image)
    {
        Name = name;
        Description = description;

        Field<NonNullGraphType<StringGraphType>>("url")
            .Description("Address of the rendition: a JPEG, or a WebP when the photo has transparency. Immutable: cache it for as long as you like.")
            .Argument<NonNullGraphType<ImageSizeType>>("size", argument =>
            {
                argument.Description = "Which rendition; CARD when omitted.";
                argument.DefaultValue = ImageSize.Card;
            })
            .Resolve(context => context.RequestServices!.GetRequiredService<ImageUrls>().For(Variant(context, image)));

        Field<NonNullGraphType<IntGraphType>>("width")
            .Description("Width in pixels of the rendition, with the photo's orientation applied; lets a page reserve the space before the photo loads.")
            .Argument<NonNullGraphType<ImageSizeType>>("size", argument =>
            {
                argument.Description = "Which rendition; CARD when omitted.";
                argument.DefaultValue = ImageSize.Card;
            })
            .Resolve(context => Variant(context, image).Width);

        Field<NonNullGraphType<IntGraphType>>("height")
            .Description("Height in pixels of the rendition, with the photo's orientation applied.")
            .Argument<NonNullGraphType<ImageSizeType>>("size", argument =>
            {
                argument.Description = "Which rendition; CARD when omitted.";
                argument.DefaultValue = ImageSize.Card;
            })
            .Resolve(context => Variant(context, image).Height);
    }

    private static ImageVariant Variant(IResolveFieldContext<TSource> context, Func<TSource, StoredImage> image) =>
        image(context.Source)[context.GetArgument("size", ImageSize.Card)];
}

/// <summary>A photo on its own (`Image`), for places that need no more than its renditions.</summary>
public sealed class ImageType() : ImageGraphType<StoredImage>(
    "Image",
    "A photo, re-encoded by Troc without any metadata (no EXIF, no GPS position), in three renditions: THUMBNAIL, CARD and FULL.",
    image => image);
