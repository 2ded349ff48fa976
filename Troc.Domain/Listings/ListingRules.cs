using Troc.Domain.Common;

namespace Troc.Domain.Listings;

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

    /// <summary>Checks the owner-written fields; returns every violation, not just the first, so a form can show them all.</summary>
    public static List<Violation> Check(ListingDraft draft)
    {
        var violations = new List<Violation>();
        var title = draft.Title.Trim();
        if (title.Length < TitleMinLength)
            violations.Add(ListingViolations.TitleTooShort);
        else if (title.Length > TitleMaxLength)
            violations.Add(ListingViolations.TitleTooLong);
        if (draft.Description.Length > DescriptionMaxLength)
            violations.Add(ListingViolations.DescriptionTooLong);
        if (draft.Wants.Count > MaxWants)
            violations.Add(ListingViolations.TooManyWants);
        for (var i = 0; i < draft.Wants.Count && i < MaxWants; i++)
        {
            var want = draft.Wants[i].Trim();
            if (want.Length == 0)
                violations.Add(ListingViolations.WantEmpty(i));
            else if (want.Length > WantMaxLength)
                violations.Add(ListingViolations.WantTooLong(i));
        }
        if (draft.WantedCategoryIds.Count > MaxWantedCategories)
            violations.Add(ListingViolations.TooManyWantedCategories);
        if (!GeoPoint.IsValid(draft.Location.Latitude, draft.Location.Longitude))
            violations.Add(ListingViolations.LocationOutOfRange);
        var placeName = draft.PlaceName.Trim();
        if (placeName.Length == 0)
            violations.Add(ListingViolations.PlaceNameEmpty);
        else if (placeName.Length > PlaceNameMaxLength)
            violations.Add(ListingViolations.PlaceNameTooLong);
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
