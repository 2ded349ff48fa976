using GraphQL.Types;
using Troc.Domain.Listings;

namespace Troc.Graph.Listings;

public sealed class ItemConditionType : EnumerationGraphType<ItemCondition>
{
    public ItemConditionType()
    {
        Name = "ItemCondition";
        Description = "How worn the item is, in the scale French classifieds use.";
        Values["NEW"]!.Description = "Never used, often still in its packaging.";
        Values["LIKE_NEW"]!.Description = "Used a few times, no visible wear.";
        Values["GOOD"]!.Description = "Used, works well, light signs of wear.";
        Values["FAIR"]!.Description = "Works but shows clear wear or small defects.";
        Values["FOR_PARTS"]!.Description = "Does not work as is: for repair or spare parts.";
    }
}

public sealed class ListingStatusType : EnumerationGraphType<ListingStatus>
{
    public ListingStatusType()
    {
        Name = "ListingStatus";
        Description = "Where a listing stands in its life.";
        Values["ACTIVE"]!.Description = "Visible in search and open to offers.";
        Values["RESERVED"]!.Description = "A swap is agreed and under way; still visible, no longer in search.";
        Values["TRADED"]!.Description = "Swapped: kept for history and reviews.";
        Values["ARCHIVED"]!.Description = "Withdrawn by its owner, visible to the owner only; `reactivateListing` puts it back.";
    }
}
