using System.ComponentModel;
using Troc.Domain.Listings;
using Troc.Graph.Common;

namespace Troc.Graph.Listings;

[Description("No listing has this id, or it is archived and not yours.")]
public sealed class ListingNotFoundError(string message) : UserError("LISTING_NOT_FOUND", message);

[Description("Only the listing's owner may do this.")]
public sealed class NotOwnerError(string message) : UserError("NOT_OWNER", message);

[Description("You already have as many active listings as allowed: archive one first.")]
public sealed class ActiveListingLimitError(string message) : UserError("ACTIVE_LISTING_LIMIT", message)
{
    [Description("How many active listings a member may have at once.")]
    public int Limit => ListingRules.MaxActiveListingsPerOwner;
}

[Description("The listing's current status forbids this (archiving a traded listing, reactivating an active one…); `code` says which.")]
public sealed class ListingStatusError(string code, string message) : UserError(code, message);

[Description("A listing holds at most `limit` photos; the request would go over, so nothing was added.")]
public sealed class TooManyImagesError(string message) : UserError("TOO_MANY_IMAGES", message)
{
    [Description("How many photos a listing may have.")]
    public int Limit => ListingRules.MaxImages;
}

[Description("The listing has no photo with this id.")]
public sealed class ImageNotFoundError(string message) : UserError("IMAGE_NOT_FOUND", message);

[Description("No item type has this id, or it left the catalogue (`retired`); `field` names the input at fault, such as `wants[2].itemTypeIds[0]`.")]
public sealed class ItemTypeNotFoundError(string field, string message) : UserError("ITEM_TYPE_NOT_FOUND", message)
{
    [Description("The input field at fault, such as `itemTypeId` or `wants[2].itemTypeIds[0]`.")]
    public string Field { get; } = field;
}

internal static class ListingErrors
{
    /// <summary>Turns the domain's rule violations into the typed errors of the API.</summary>
    public static IReadOnlyList<UserError> From(IEnumerable<RuleViolation> violations) =>
        violations.Select(violation => violation switch
        {
            { Code: "LISTING_NOT_FOUND" } => new ListingNotFoundError(violation.Message),
            { Code: "NOT_OWNER" } => new NotOwnerError(violation.Message),
            { Code: "ACTIVE_LISTING_LIMIT" } => new ActiveListingLimitError(violation.Message),
            { Code: "TOO_MANY_IMAGES" } => new TooManyImagesError(violation.Message),
            { Code: "IMAGE_NOT_FOUND" } => new ImageNotFoundError(violation.Message),
            { Code: "ITEM_TYPE_NOT_FOUND" } => new ItemTypeNotFoundError(violation.Field, violation.Message),
            { Field: "status" } => new ListingStatusError(violation.Code, violation.Message),
            _ => (UserError)new InvalidInputError(violation.Field, violation.Message, violation.Code),
        }).ToList();
}
