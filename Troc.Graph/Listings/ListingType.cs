using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Catalogue;
using Troc.Domain.Listings;
using Troc.Graph.Catalogue;
using Troc.Graph.Categories;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;
using Troc.Graph.Geography;
using Troc.Graph.Transport.Authorization;
using Troc.Graph.Users;

namespace Troc.Graph.Listings;

public sealed class ListingType : ObjectGraphType<Listing>
{
    public const string TypeName = "Listing";

    public ListingType()
    {
        Name = TypeName;
        Description = "Something a member offers to swap, what they would take for it, and roughly where it is.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Listing;

        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Globally unique, opaque identifier of this object.")
            .Resolve(context => GlobalId(context.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("title")
            .Description("What the item is, in the owner's words (3–80 characters).")
            .Resolve(context => context.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("description")
            .Description("The owner's description (up to 4,000 characters; may be empty).")
            .Resolve(context => context.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListingImageType>>>>("images")
            .Description("The photos, the cover first, in the owner's order (at most 10). Loaded with the listing: no extra request per listing.")
            .Resolve(context => context.Source.ImagesInOrder());
        Field<NonNullGraphType<CategoryType>>("category")
            .Description("The subcategory the listing is filed under.")
            .Resolve(context => context.RequestServices!.GetRequiredService<CategoryById>().Load(context.Source.CategoryId));
        Field<ItemTypeType>("itemType")
            .Description("What kind of thing this is. Read from the title and description when the listing is published and whenever they " +
                "change, unless the owner chose it (`itemTypeChosenByOwner`); null when nothing in the catalogue matched.")
            .Resolve(context => context.Source.ItemTypeId is { } id
                ? context.RequestServices!.GetRequiredService<ItemTypeById>().Load(id)
                : null);
        Field<NonNullGraphType<BooleanGraphType>>("itemTypeChosenByOwner")
            .Description("True when the owner chose `itemType`: it stays when the title changes, until they send `itemTypeId: null`.")
            .Resolve(context => context.Source.ItemTypeSource == ItemTypeSource.Owner);
        Field<FloatGraphType>("itemTypeConfidence")
            .Description("How sure the resolver is of `itemType`, from 0 to 1; 1 when the owner chose it, null when there is none.")
            .Resolve(context => context.Source.ItemTypeConfidence);
        Field<NonNullGraphType<ItemConditionType>>("condition")
            .Description("How worn the item is.")
            .Resolve(context => context.Source.Condition);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WantType>>>>("wants")
            .Description("What the owner would take in exchange, in their words and order (at most 5), each with what it asks for.")
            .Resolve(context => context.Source.Wants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("wantedCategories")
            .Description("Categories the owner would take anything from.")
            .Resolve(context => context.RequestServices!.GetRequiredService<CategoryById>()
                .LoadMany(context.Source.WantedCategoryIds)
                .Then(categories => categories.OfType<Troc.Domain.Categories.Category>().ToArray()));
        Field<NonNullGraphType<BooleanGraphType>>("openToAnyOffer")
            .Description("True when the owner will consider any offer, not only what `wants` says.")
            .Resolve(context => context.Source.OpenToAnyOffer);
        Field<NonNullGraphType<CoordinatesType>>("location")
            .Description("Roughly where the item is: the centre of the ~1 km grid cell holding the owner's point. The exact point is never shown to anyone but the owner (see `exactLocation`).")
            .Resolve(context => context.Source.PublicPoint);
        Field<CoordinatesType>("exactLocation")
            .Description("The exact point the owner gave.")
            .Resolve(context => context.Source.ExactPoint)
            .OwnerOnly(listing => listing.OwnerId);
        Field<NonNullGraphType<StringGraphType>>("placeName")
            .Description("The town or neighbourhood the owner named, to show with `location`.")
            .Resolve(context => context.Source.PlaceName);
        Field<NonNullGraphType<ListingStatusType>>("status")
            .Description("Where the listing stands: on offer, reserved for a swap, swapped, or archived.")
            .Resolve(context => context.Source.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt")
            .Description("When the listing was published (UTC).")
            .Resolve(context => context.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt")
            .Description("When the owner last changed the listing or its status (UTC).")
            .Resolve(context => context.Source.UpdatedAt);
        Field<NonNullGraphType<UserType>>("owner")
            .Description("The member who offers the item (public profile).")
            .Resolve(context => context.RequestServices!.GetRequiredService<UserById>().Load(context.Source.OwnerId));
        Field<NonNullGraphType<BooleanGraphType>>("isMine")
            .Description("True when the signed-in member owns this listing.")
            .Resolve(context => context.User.UserId() == context.Source.OwnerId);
        Field<NonNullGraphType<BooleanGraphType>>("isFavorite")
            .Description("True when the signed-in member keeps this listing in their favourites; false when signed out.")
            .Resolve(context => context.User.UserId() is { } viewer
                ? context.RequestServices!.GetRequiredService<FavoriteByUserAndListing>().Load((viewer, context.Source.Id))
                : (object)false);
        Field<NonNullGraphType<IntGraphType>>("favoriteCount")
            .Description("How many members keep this listing in their favourites.")
            .Resolve(context => context.RequestServices!.GetRequiredService<FavoriteCountByListingId>().Load(context.Source.Id));
    }

    public static string GlobalId(Guid id) => Common.GlobalId.Encode(TypeName, id.ToString("N"));
}

public sealed class WantType : ObjectGraphType<ListingWant>
{
    public WantType()
    {
        Name = "Want";
        Description = "One thing a listing's owner would take in exchange, and what it asks for: item types, or a whole subcategory when it is broad " +
            "(« de l'outillage »). Read when the want is written, unless the owner chose (`chosenByOwner`).";
        Field<NonNullGraphType<StringGraphType>>("text")
            .Description("The want as the owner phrased it, such as « vélo de ville » or « livres de SF ».")
            .Resolve(context => context.Source.Text);
        Field<NonNullGraphType<WantScopeType>>("scope")
            .Description("Whether the want names item types, a whole subcategory, or nothing the catalogue knows.")
            .Resolve(context => context.Source.Scope);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WantItemTypeType>>>>("itemTypes")
            .Description("The item types asked for, best first (at most 3); empty unless `scope` is ITEM_TYPES.")
            .Resolve(context => context.Source.ItemTypes);
        Field<CategoryType>("category")
            .Description("The subcategory asked for as a whole when `scope` is SUBCATEGORY; otherwise null.")
            .Resolve(context => context.Source.CategoryId is { } id
                ? context.RequestServices!.GetRequiredService<CategoryById>().Load(id)
                : null);
        Field<NonNullGraphType<FloatGraphType>>("confidence")
            .Description("How sure the resolver is of the best item type or of the subcategory, from 0 to 1; 1 when the owner chose, 0 when UNRESOLVED.")
            .Resolve(context => context.Source.Confidence);
        Field<NonNullGraphType<BooleanGraphType>>("chosenByOwner")
            .Description("True when the owner chose the item types or the subcategory (`WantInput.itemTypeIds` / `categoryId`) rather than the resolver.")
            .Resolve(context => context.Source.ChosenByOwner);
    }
}

public sealed class WantItemTypeType : ObjectGraphType<ListingWantItemType>
{
    public WantItemTypeType()
    {
        Name = "WantItemType";
        Description = "One item type a want asks for.";
        Field<NonNullGraphType<ItemTypeType>>("itemType")
            .Description("The item type.")
            .Resolve(context => context.RequestServices!.GetRequiredService<ItemTypeById>().Load(context.Source.ItemTypeId));
        Field<NonNullGraphType<FloatGraphType>>("confidence")
            .Description("How sure the resolver is that the want asks for it, from 0 to 1; 1 when the owner chose it.")
            .Resolve(context => context.Source.Confidence);
    }
}

public sealed class WantScopeType : EnumerationGraphType<WantScope>
{
    public WantScopeType()
    {
        Name = "WantScope";
        Description = "How wide a want is.";
        Values["ITEM_TYPES"]!.Description = "The want names kinds of things: see `Want.itemTypes`, best first.";
        Values["SUBCATEGORY"]!.Description = "The want asks for anything of a subcategory (« des livres », « de l'outillage »): see `Want.category`.";
        Values["UNRESOLVED"]!.Description = "Nothing in the catalogue matched the want.";
    }
}

internal sealed class ListingNodeResolver : INodeResolver
{
    public string TypeName => ListingType.TypeName;

    public IDataLoaderResult<object?>? Resolve(IServiceProvider services, string key, System.Security.Claims.ClaimsPrincipal? viewer) =>
        Guid.TryParseExact(key, "N", out var id)
            ? services.GetRequiredService<ListingById>().Load(id)
                .Then(listing => listing is not null && ListingService.IsVisibleTo(listing, viewer.UserId()) ? (object?)listing : null)
            : null;
}
