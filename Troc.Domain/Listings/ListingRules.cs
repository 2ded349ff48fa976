using Troc.Domain.Common;

namespace Troc.Domain.Listings;

/// <summary>A rule a listing input broke: which field, a stable code and a French message.</summary>
public sealed record RuleViolation(string Field, string Code, string Message);

/// <summary>The limits a listing must respect, in one place so that the API and the web app agree on them.</summary>
public static class ListingRules
{
    public const int TitleMinLength = 3;
    public const int TitleMaxLength = 80;
    public const int DescriptionMaxLength = 4000;
    public const int MaxWants = 5;
    public const int WantMaxLength = 80;
    public const int MaxWantedCategories = 5;
    public const int PlaceNameMaxLength = 120;
    public const int MaxActiveListingsPerOwner = 50;
    public const int MaxImages = 10;

    public static readonly string TooManyImagesMessage = $"Une annonce a au plus {MaxImages} photos.";
    public const string ImageNotFoundMessage = "Cette photo n’existe pas sur cette annonce.";

    /// <summary>Checks the owner-written fields; returns every violation, not just the first, so a form can show them all.</summary>
    public static List<RuleViolation> Check(ListingDraft draft)
    {
        var violations = new List<RuleViolation>();
        var title = draft.Title.Trim();
        if (title.Length < TitleMinLength)
            violations.Add(new("title", "TITLE_TOO_SHORT", $"Le titre doit faire au moins {TitleMinLength} caractères."));
        else if (title.Length > TitleMaxLength)
            violations.Add(new("title", "TITLE_TOO_LONG", $"Le titre ne doit pas dépasser {TitleMaxLength} caractères."));
        if (draft.Description.Length > DescriptionMaxLength)
            violations.Add(new("description", "DESCRIPTION_TOO_LONG", $"La description ne doit pas dépasser {DescriptionMaxLength} caractères."));
        if (draft.Wants.Count > MaxWants)
            violations.Add(new("wants", "TOO_MANY_WANTS", $"Indiquez au plus {MaxWants} souhaits."));
        for (var i = 0; i < draft.Wants.Count && i < MaxWants; i++)
        {
            var want = draft.Wants[i].Trim();
            if (want.Length == 0)
                violations.Add(new($"wants[{i}]", "WANT_EMPTY", "Un souhait ne peut pas être vide."));
            else if (want.Length > WantMaxLength)
                violations.Add(new($"wants[{i}]", "WANT_TOO_LONG", $"Un souhait ne doit pas dépasser {WantMaxLength} caractères."));
        }
        if (draft.WantedCategoryIds.Count > MaxWantedCategories)
            violations.Add(new("wantedCategoryIds", "TOO_MANY_WANTED_CATEGORIES", $"Choisissez au plus {MaxWantedCategories} catégories souhaitées."));
        if (!GeoPoint.IsValid(draft.Location.Latitude, draft.Location.Longitude))
            violations.Add(new("location", "LOCATION_OUT_OF_RANGE", "La latitude doit être entre -90 et 90 et la longitude entre -180 et 180."));
        var placeName = draft.PlaceName.Trim();
        if (placeName.Length == 0)
            violations.Add(new("placeName", "PLACE_NAME_EMPTY", "Indiquez le nom du lieu (ville ou quartier)."));
        else if (placeName.Length > PlaceNameMaxLength)
            violations.Add(new("placeName", "PLACE_NAME_TOO_LONG", $"Le nom du lieu ne doit pas dépasser {PlaceNameMaxLength} caractères."));
        return violations;
    }
}

/// <summary>What an owner writes for a listing, before it is checked.</summary>
public sealed record ListingDraft(
    string Title,
    string Description,
    int CategoryId,
    ItemCondition Condition,
    IReadOnlyList<string> Wants,
    IReadOnlyList<int> WantedCategoryIds,
    bool OpenToAnyOffer,
    GeoPoint Location,
    string PlaceName);
