using System.ComponentModel;
using GraphQL;
using Troc.Domain.Listings;
using Troc.Graph.Common;
using Troc.Graph.Media;

namespace Troc.Graph.Listings;

/// <summary>Every listing mutation answers with the listing as it now stands, or typed errors.</summary>
public abstract class ListingPayload(Listing? listing, IReadOnlyList<UserError>? errors) : Payload(errors)
{
    [Description("The listing after the change; null when the mutation failed.")]
    [OutputType(typeof(ListingType))]
    public Listing? Listing { get; } = listing;
}

public sealed class CreateListingPayload(Listing? listing, IReadOnlyList<UserError>? errors = null) : ListingPayload(listing, errors);

public sealed class CreateListingPayloadType()
    : PayloadType<CreateListingPayload>("Result of `createListing`.",
        [typeof(InvalidInputError), typeof(ItemTypeNotFoundError), typeof(ActiveListingLimitError), typeof(TooManyImagesError), .. ImageUploadErrors.Types]);

public sealed class UpdateListingPayload(Listing? listing, IReadOnlyList<UserError>? errors = null) : ListingPayload(listing, errors);

public sealed class UpdateListingPayloadType()
    : PayloadType<UpdateListingPayload>("Result of `updateListing`.",
        typeof(InvalidInputError), typeof(ItemTypeNotFoundError), typeof(ListingNotFoundError), typeof(NotOwnerError));

public sealed class ArchiveListingPayload(Listing? listing, IReadOnlyList<UserError>? errors = null) : ListingPayload(listing, errors);

public sealed class ArchiveListingPayloadType()
    : PayloadType<ArchiveListingPayload>("Result of `archiveListing`.", typeof(ListingNotFoundError), typeof(NotOwnerError), typeof(ListingStatusError));

public sealed class ReactivateListingPayload(Listing? listing, IReadOnlyList<UserError>? errors = null) : ListingPayload(listing, errors);

public sealed class ReactivateListingPayloadType()
    : PayloadType<ReactivateListingPayload>("Result of `reactivateListing`.",
        typeof(ListingNotFoundError), typeof(NotOwnerError), typeof(ListingStatusError), typeof(ActiveListingLimitError));

public sealed class FavoriteListingPayload(Listing? listing, IReadOnlyList<UserError>? errors = null) : ListingPayload(listing, errors);

public sealed class FavoriteListingPayloadType()
    : PayloadType<FavoriteListingPayload>("Result of `favoriteListing`.", typeof(ListingNotFoundError), typeof(InvalidInputError));

public sealed class UnfavoriteListingPayload(Listing? listing, IReadOnlyList<UserError>? errors = null) : ListingPayload(listing, errors);

public sealed class UnfavoriteListingPayloadType()
    : PayloadType<UnfavoriteListingPayload>("Result of `unfavoriteListing`.", typeof(ListingNotFoundError));

public sealed class AddListingImagesPayload(Listing? listing, IReadOnlyList<UserError>? errors = null) : ListingPayload(listing, errors);

public sealed class AddListingImagesPayloadType()
    : PayloadType<AddListingImagesPayload>("Result of `addListingImages`.",
        [typeof(ListingNotFoundError), typeof(NotOwnerError), typeof(TooManyImagesError), typeof(InvalidInputError), .. ImageUploadErrors.Types]);

public sealed class RemoveListingImagePayload(Listing? listing, IReadOnlyList<UserError>? errors = null) : ListingPayload(listing, errors);

public sealed class RemoveListingImagePayloadType()
    : PayloadType<RemoveListingImagePayload>("Result of `removeListingImage`.",
        typeof(ListingNotFoundError), typeof(NotOwnerError), typeof(ImageNotFoundError), typeof(InvalidInputError));

public sealed class ReorderListingImagesPayload(Listing? listing, IReadOnlyList<UserError>? errors = null) : ListingPayload(listing, errors);

public sealed class ReorderListingImagesPayloadType()
    : PayloadType<ReorderListingImagesPayload>("Result of `reorderListingImages`.",
        typeof(ListingNotFoundError), typeof(NotOwnerError), typeof(InvalidInputError));
