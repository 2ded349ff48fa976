using System.ComponentModel;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Graph.Common;

namespace Troc.Graph.Listings;

[Description("No listing has this id, or it is archived and not yours.")]
public sealed class ListingNotFoundError(Violation violation) : UserError(ViolationKind.ListingNotFound, violation.Message);

[Description("Only the listing's owner may do this.")]
public sealed class NotOwnerError(Violation violation) : UserError(ViolationKind.NotOwner, violation.Message);

[Description("You already have as many active listings as allowed: archive one first.")]
public sealed class ActiveListingLimitError(Violation violation) : UserError(ViolationKind.ActiveListingLimit, violation.Message)
{
    [Description("How many active listings a member may have at once.")]
    public int Limit => ListingRules.MaxActiveListingsPerOwner;
}

[Description("The listing's current status forbids this (archiving a traded listing, reactivating an active one…); `code` says which.")]
public sealed class ListingStatusError(Violation violation) : UserError(violation.Kind, violation.Message);

[Description("A listing holds at most `limit` photos; the request would go over, so nothing was added.")]
public sealed class TooManyImagesError(Violation violation) : UserError(ViolationKind.TooManyImages, violation.Message)
{
    [Description("How many photos a listing may have.")]
    public int Limit => ListingRules.MaxImages;
}

[Description("The listing has no photo with this id.")]
public sealed class ImageNotFoundError(Violation violation) : UserError(ViolationKind.ImageNotFound, violation.Message);

[Description("No item type has this id, or it left the catalogue (`retired`); `field` names the input at fault, such as `wants[2].itemTypeIds[0]`.")]
public sealed class ItemTypeNotFoundError(Violation violation) : UserError(ViolationKind.ItemTypeNotFound, violation.Message)
{
    [Description("The input field at fault, such as `itemTypeId` or `wants[2].itemTypeIds[0]`.")]
    public string Field { get; } = violation.Field;
}

/// <summary>The one place where the listings' violations become the API's typed errors.</summary>
internal static class ListingErrors
{
    public static IReadOnlyList<UserError> From(IEnumerable<Violation> violations) => violations.Select(From).ToList();

    public static UserError From(Violation violation) => violation.Kind switch
    {
        ViolationKind.ListingNotFound => new ListingNotFoundError(violation),
        ViolationKind.NotOwner => new NotOwnerError(violation),
        ViolationKind.ActiveListingLimit => new ActiveListingLimitError(violation),
        ViolationKind.TooManyImages => new TooManyImagesError(violation),
        ViolationKind.ImageNotFound => new ImageNotFoundError(violation),
        ViolationKind.ItemTypeNotFound => new ItemTypeNotFoundError(violation),
        ViolationKind.ListingTraded or ViolationKind.ListingArchived or ViolationKind.ListingNotArchived
            or ViolationKind.ListingNotActive or ViolationKind.ListingNotReserved or ViolationKind.ListingNotAvailable
            => new ListingStatusError(violation),
        _ => new InvalidInputError(violation),
    };
}
