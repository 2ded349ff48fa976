using GraphQL.Types;
using Troc.Domain.Listings;
using Troc.Graph.Media;

namespace Troc.Graph.Listings;

public sealed class ListingImageType : ImageGraphType<ListingImage>
{
    public const string TypeName = "ListingImage";

    public ListingImageType() : base(
        TypeName,
        "A photo of a listing, re-encoded by Troc without any metadata (no EXIF, no GPS position), in three renditions: THUMBNAIL, CARD and FULL.",
        listingImage => listingImage.Image)
    {
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Opaque identifier of this photo within its listing: pass it to `removeListingImage` or `reorderListingImages`.")
            .Resolve(context => GlobalId(context.Source.Id));
    }

    public static string GlobalId(Guid id) => Common.GlobalId.Encode(TypeName, id.ToString("N"));
}
