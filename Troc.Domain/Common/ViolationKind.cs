namespace Troc.Domain.Common;

/// <summary>
/// Every expected failure a use case reports, typed. The API spells each one in SCREAMING_SNAKE_CASE
/// (<see cref="ViolationKinds.Code"/>: <see cref="ItemTypeNotFound"/> is `ITEM_TYPE_NOT_FOUND`), and clients switch on
/// that code, so a member is never renamed (a test snapshots every code); a new failure is a new member.
/// </summary>
public enum ViolationKind
{
    // Any input
    InvalidInput,

    // Accounts
    EmailTaken,
    InvalidCredentials,
    WeakPassword,
    AccountLocked,
    AccountSuspended,
    InvalidToken,
    TokenExpired,
    EmailAlreadyVerified,
    RateLimited,

    // Categories and the item catalogue
    CategoryNotFound,
    CategoryNotLeaf,
    ItemTypeNotFound,

    // Listings: what the owner writes
    TitleTooShort,
    TitleTooLong,
    DescriptionTooLong,
    TooManyWants,
    WantEmpty,
    WantTooLong,
    WantChoiceConflict,
    TooManyWantItemTypes,
    TooManyWantedCategories,
    LocationOutOfRange,
    PlaceNameEmpty,
    PlaceNameTooLong,

    // Listings: which listing, whose, and its state
    ListingNotFound,
    NotOwner,
    OwnListing,
    ActiveListingLimit,
    ListingTraded,
    ListingArchived,
    ListingNotArchived,
    ListingNotActive,
    ListingNotReserved,
    ListingNotAvailable,

    // Listing photos
    NoImages,
    TooManyImages,
    ImageNotFound,
    LastImage,

    // Uploaded pictures
    NotAnImage,
    UnsupportedFormat,
    ImageTooLarge,
    FileTooLarge,
    CorruptImage,

    // Search arguments
    QueryTooLong,
    NearRequired,
    InvalidRadius,
    InvalidCoordinates,
    PlaceNotFound,
    TooManyItemTypes,

    // Saved searches
    NameEmpty,
    NameTooLong,
    SavedSearchNotFound,
    TooManySavedSearches,

    // Blocking members
    UserNotFound,
    CannotBlockYourself,
    TooManyBlocks,
}

public static class ViolationKinds
{
    private static readonly string[] Codes = Enum.GetValues<ViolationKind>().Select(kind => ToCode(kind.ToString())).ToArray();

    /// <summary>The kind as the API spells it, stable across releases: `ITEM_TYPE_NOT_FOUND` for <see cref="ViolationKind.ItemTypeNotFound"/>.</summary>
    public static string Code(this ViolationKind kind) => Codes[(int)kind];

    private static string ToCode(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
