namespace Troc.Domain.Listings;

/// <summary>How worn the item is, in the scale French classifieds use.</summary>
public enum ItemCondition
{
    /// <summary>Never used, often still in its packaging.</summary>
    New,
    /// <summary>Used a few times, no visible wear.</summary>
    LikeNew,
    /// <summary>Used, works well, light signs of wear.</summary>
    Good,
    /// <summary>Works but shows clear wear or small defects.</summary>
    Fair,
    /// <summary>Does not work as is: for repair or spare parts.</summary>
    ForParts,
}

/// <summary>Where a listing stands in its life.</summary>
public enum ListingStatus
{
    /// <summary>Visible in search and open to offers.</summary>
    Active,
    /// <summary>A swap is agreed and under way; still visible, no longer in search.</summary>
    Reserved,
    /// <summary>Swapped: kept for history and reviews.</summary>
    Traded,
    /// <summary>Withdrawn by its owner; can be reactivated.</summary>
    Archived,
}
