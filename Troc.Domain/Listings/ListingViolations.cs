using Troc.Domain.Common;

namespace Troc.Domain.Listings;

/// <summary>Every way a listing command can be refused, each with the field at fault and its French message, in one place.</summary>
public static class ListingViolations
{
    // What the owner writes (ListingRules.Check)
    public static readonly Violation TitleTooShort =
        new(ViolationKind.TitleTooShort, "title", $"Le titre doit faire au moins {ListingRules.TitleMinLength} caractères.");

    public static readonly Violation TitleTooLong =
        new(ViolationKind.TitleTooLong, "title", $"Le titre ne doit pas dépasser {ListingRules.TitleMaxLength} caractères.");

    public static readonly Violation DescriptionTooLong =
        new(ViolationKind.DescriptionTooLong, "description", $"La description ne doit pas dépasser {ListingRules.DescriptionMaxLength} caractères.");

    public static readonly Violation TooManyWants = new(ViolationKind.TooManyWants, "wants", $"Indiquez au plus {ListingRules.MaxWants} souhaits.");

    public static readonly Violation TooManyWantedCategories = new(ViolationKind.TooManyWantedCategories, "wantedCategoryIds",
        $"Choisissez au plus {ListingRules.MaxWantedCategories} catégories souhaitées.");

    public static readonly Violation LocationOutOfRange = new(ViolationKind.LocationOutOfRange, "location",
        "La latitude doit être entre -90 et 90 et la longitude entre -180 et 180.");

    public static readonly Violation PlaceNameEmpty = new(ViolationKind.PlaceNameEmpty, "placeName", "Indiquez le nom du lieu (ville ou quartier).");

    public static readonly Violation PlaceNameTooLong =
        new(ViolationKind.PlaceNameTooLong, "placeName", $"Le nom du lieu ne doit pas dépasser {ListingRules.PlaceNameMaxLength} caractères.");

    public static Violation WantEmpty(int index) => new(ViolationKind.WantEmpty, $"wants[{index}]", "Un souhait ne peut pas être vide.");

    public static Violation WantTooLong(int index) =>
        new(ViolationKind.WantTooLong, $"wants[{index}]", $"Un souhait ne doit pas dépasser {ListingRules.WantMaxLength} caractères.");

    // Categories, item types and what each want asks for
    public static Violation CategoryNotFound(string field) => new(ViolationKind.CategoryNotFound, field, "Cette catégorie n’existe pas.");

    public static readonly Violation WantedCategoryNotFound =
        new(ViolationKind.CategoryNotFound, "wantedCategoryIds", "Une des catégories souhaitées n’existe pas.");

    public static Violation CategoryNotLeaf(string field) => new(ViolationKind.CategoryNotLeaf, field,
        "Choisissez une sous-catégorie (par exemple « Ameublement » plutôt que « Maison »).");

    public static Violation ItemTypeNotFound(string field) =>
        new(ViolationKind.ItemTypeNotFound, field, "Ce type d’objet n’existe pas (ou plus) dans le catalogue.");

    public static Violation WantChoiceConflict(string field) => new(ViolationKind.WantChoiceConflict, field,
        "Choisissez pour un souhait soit des types d’objets, soit une sous-catégorie, pas les deux.");

    public static Violation TooManyWantItemTypes(string field) => new(ViolationKind.TooManyWantItemTypes, field,
        $"Choisissez au plus {ListingUnderstanding.MaxWantItemTypes} types d’objets par souhait.");

    // Which listing, whose, and how many
    public static readonly Violation NotFound = new(ViolationKind.ListingNotFound, "id", "Cette annonce n’existe pas ou n’est plus visible.");

    public static readonly Violation NotOwner = new(ViolationKind.NotOwner, "id", "Seul le propriétaire de l’annonce peut la modifier.");

    public static readonly Violation OwnListing =
        new(ViolationKind.OwnListing, "listingId", "Vous ne pouvez pas mettre votre propre annonce en favori.");

    public static readonly Violation ActiveListingLimitToPublish = new(ViolationKind.ActiveListingLimit, "",
        $"Vous avez déjà {ListingRules.MaxActiveListingsPerOwner} annonces en ligne : archivez-en une pour en publier une autre.");

    public static readonly Violation ActiveListingLimitToReactivate = new(ViolationKind.ActiveListingLimit, "",
        $"Vous avez déjà {ListingRules.MaxActiveListingsPerOwner} annonces en ligne : archivez-en une pour en remettre une en ligne.");

    // The listing's state (Listing refuses these itself)
    public static readonly Violation Traded = new(ViolationKind.ListingTraded, "status", "Cette annonce a déjà été échangée.");

    public static readonly Violation AlreadyArchived = new(ViolationKind.ListingArchived, "status", "Cette annonce est déjà archivée.");

    public static readonly Violation NotArchived =
        new(ViolationKind.ListingNotArchived, "status", "Seule une annonce archivée peut être remise en ligne.");

    public static readonly Violation NotActive = new(ViolationKind.ListingNotActive, "status", "Seule une annonce en ligne peut être réservée.");

    public static readonly Violation NotReserved = new(ViolationKind.ListingNotReserved, "status", "Cette annonce n'est pas réservée.");

    public static readonly Violation NotAvailable = new(ViolationKind.ListingNotAvailable, "status", "Cette annonce n'est plus disponible.");

    // Photos
    public static readonly Violation NoImages = new(ViolationKind.NoImages, "images", "Ajoutez au moins une photo.");

    public static readonly Violation TooManyImages =
        new(ViolationKind.TooManyImages, "images", $"Une annonce a au plus {ListingRules.MaxImages} photos.");

    public static readonly Violation ImageNotFound = new(ViolationKind.ImageNotFound, "imageId", "Cette photo n’existe pas sur cette annonce.");

    public static readonly Violation LastImage = new(ViolationKind.LastImage, "imageId",
        "Une annonce avec des photos en garde au moins une : ajoutez la nouvelle avant de retirer la dernière.");

    public static readonly Violation ImagesNotAPermutation = new(ViolationKind.InvalidInput, "imageIds",
        "Donnez chaque photo de l’annonce exactement une fois, dans l’ordre voulu.");
}
