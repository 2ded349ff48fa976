using Troc.Domain.Common;

namespace Troc.Domain.SavedSearches;

/// <summary>Every way a saved-search command can be refused, with its field and French message. Search arguments are checked by the API, as for searchListings.</summary>
public static class SavedSearchViolations
{
    public static readonly Violation NameEmpty = new(ViolationKind.NameEmpty, "name", "Donnez un nom à cette recherche.");

    public static readonly Violation NameTooLong =
        new(ViolationKind.NameTooLong, "name", $"Le nom d’une recherche ne doit pas dépasser {SavedSearch.NameMaxLength} caractères.");

    /// <summary>Someone else's search is "not found" too: ids of other members' searches reveal nothing.</summary>
    public static readonly Violation NotFound =
        new(ViolationKind.SavedSearchNotFound, "savedSearchId", "Cette recherche enregistrée n’existe pas.");

    public static readonly Violation TooMany = new(ViolationKind.TooManySavedSearches, "",
        $"Vous avez déjà {SavedSearch.MaxPerOwner} recherches enregistrées : supprimez-en une pour en garder une autre.");
}
