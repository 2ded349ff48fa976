using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Graph.Geography;

namespace Troc.Graph.Listings;

public sealed class CreateListingInput
{
    [LimitsDescription("What the item is, {0}–{1} characters.", ListingRules.TitleMinLength, ListingRules.TitleMaxLength)]
    public string Title { get; set; } = "";

    [LimitsDescription("Details that help someone decide: size, state, what comes with it. At most {0} characters.", ListingRules.DescriptionMaxLength)]
    public string Description { get; set; } = "";

    [Id, Description("The subcategory to file the listing under (a `Category.id` with a parent).")]
    public string CategoryId { get; set; } = "";

    [InputType(typeof(NonNullGraphType<ItemConditionType>)), Description("How worn the item is.")]
    public ItemCondition Condition { get; set; }

    [InputType(typeof(ListGraphType<NonNullGraphType<WantInputType>>))]
    [LimitsDescription("What you would take in exchange, at most {0} short phrases such as « vélo de ville ». Each is read into item types " +
        "(or a whole subcategory) unless you choose them in the want.", ListingRules.MaxWants)]
    public List<WantInput>? Wants { get; set; }

    [Id, LimitsDescription("Categories you would take anything from, at most {0}.", ListingRules.MaxWantedCategories)]
    public List<string>? WantedCategoryIds { get; set; }

    [Description("True to consider any offer, not only what `wants` says.")]
    public bool OpenToAnyOffer { get; set; }

    [Id, Description("What kind of thing this is (an `ItemType.id`, from `suggestItemTypes` or `Category.itemTypes`); omit or null to let " +
        "Troc read it from the title and description.")]
    public string? ItemTypeId { get; set; }

    [InputType(typeof(NonNullGraphType<CoordinatesInputType>)), Description("Where the item is. Only you will ever see this exact point; others see a point blurred to ~1 km.")]
    public GeoPoint Location { get; set; }

    [LimitsDescription("The town or neighbourhood to show with the blurred point, such as « Lyon 3e », at most {0} characters.",
        ListingRules.PlaceNameMaxLength)]
    public string PlaceName { get; set; } = "";

    [LimitsDescription("At most {0} photos (JPEG, PNG or WebP, 10 MB each), the cover first, sent as a multipart request. If one is refused, " +
        "the listing is not created and no photo is kept.", ListingRules.MaxImages)]
    public List<IFormFile>? Images { get; set; }
}

public sealed class CreateListingInputType : AutoRegisteringInputObjectGraphType<CreateListingInput>
{
    public CreateListingInputType() => Description = "A new listing: what it is, what you would take for it, and where.";
}

public sealed class UpdateListingInput
{
    [Id, Description("The listing to change.")]
    public string Id { get; set; } = "";

    [LimitsDescription("A new title, {0}–{1} characters; omit to keep it.", ListingRules.TitleMinLength, ListingRules.TitleMaxLength)]
    public string? Title { get; set; }

    [LimitsDescription("A new description, at most {0} characters; omit to keep it.", ListingRules.DescriptionMaxLength)]
    public string? Description { get; set; }

    [Id, Description("A new subcategory; omit to keep it.")]
    public string? CategoryId { get; set; }

    [InputType(typeof(ItemConditionType)), Description("A new condition; omit to keep it.")]
    public ItemCondition? Condition { get; set; }

    [InputType(typeof(ListGraphType<NonNullGraphType<WantInputType>>))]
    [LimitsDescription("The new list of wants, at most {0} (replaces the old one); omit to keep them. Each is read again unless it carries " +
        "a choice: send back the `itemTypeIds` or `categoryId` of the wants whose choice you keep (`Want.chosenByOwner`).", ListingRules.MaxWants)]
    public List<WantInput>? Wants { get; set; }

    [Id, LimitsDescription("The new list of wanted categories, at most {0} (replaces the old one); omit to keep them.", ListingRules.MaxWantedCategories)]
    public List<string>? WantedCategoryIds { get; set; }

    [Description("Whether any offer is welcome; omit to keep it.")]
    public bool? OpenToAnyOffer { get; set; }

    [InputType(typeof(CoordinatesInputType)), Description("A new exact point; omit to keep it.")]
    public GeoPoint? Location { get; set; }

    [LimitsDescription("A new place name, at most {0} characters; omit to keep it.", ListingRules.PlaceNameMaxLength)]
    public string? PlaceName { get; set; }

    [Id, Description("The item type you choose (an `ItemType.id`): it then stays when the title changes. `null` hands it back to Troc, " +
        "which reads it from the title and description right away and whenever they change. Omit to keep the current choice " +
        "(and, when Troc decided it, to have it read again if the title or description changes).")]
    public string? ItemTypeId { get; set; }

    /// <summary>Whether the request gave <see cref="ItemTypeId"/> at all: an explicit null resets it, an omitted one keeps it.</summary>
    public bool ItemTypeIdGiven { get; set; }
}

public sealed class UpdateListingInputType : AutoRegisteringInputObjectGraphType<UpdateListingInput>
{
    public UpdateListingInputType() : base(i => i.ItemTypeIdGiven) =>
        Description = "Changes to one of your listings; omitted fields keep their value.";

    // GraphQL tells an omitted field from an explicit null; the CLR object cannot, so it is recorded here.
    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var input = (UpdateListingInput)base.ParseDictionary(value);
        input.ItemTypeIdGiven = value.ContainsKey("itemTypeId");
        return input;
    }
}

public sealed class WantInput
{
    [LimitsDescription("The want in your words, 1–{0} characters, such as « vélo de ville » or « de l'outillage ».", ListingRules.WantMaxLength)]
    public string Text { get; set; } = "";

    [Id, LimitsDescription("The item types you mean (`ItemType.id`, at most {0}, best first) instead of what Troc reads from `text`. " +
        "Omit it (or leave it empty) and `categoryId` to let Troc read the text.", ListingUnderstanding.MaxWantItemTypes)]
    public List<string>? ItemTypeIds { get; set; }

    [Id, Description("A subcategory (`Category.id` with a parent) you would take anything from, instead of what Troc reads from `text`. " +
        "Not together with `itemTypeIds`.")]
    public string? CategoryId { get; set; }
}

public sealed class WantInputType : AutoRegisteringInputObjectGraphType<WantInput>
{
    public WantInputType() => Description = "One thing you would take in exchange, and optionally what it asks for, chosen by you.";
}

public sealed class ListingIdInput
{
    [Id, Description("The listing's global id.")]
    public string Id { get; set; } = "";
}

public sealed class ArchiveListingInputType : AutoRegisteringInputObjectGraphType<ListingIdInput>
{
    public ArchiveListingInputType()
    {
        Name = "ArchiveListingInput";
        Description = "The listing to withdraw.";
    }
}

public sealed class ReactivateListingInputType : AutoRegisteringInputObjectGraphType<ListingIdInput>
{
    public ReactivateListingInputType()
    {
        Name = "ReactivateListingInput";
        Description = "The archived listing to put back on offer.";
    }
}

public sealed class FavoriteListingInputType : AutoRegisteringInputObjectGraphType<ListingIdInput>
{
    public FavoriteListingInputType()
    {
        Name = "FavoriteListingInput";
        Description = "The listing to keep in your favourites.";
    }
}

public sealed class UnfavoriteListingInputType : AutoRegisteringInputObjectGraphType<ListingIdInput>
{
    public UnfavoriteListingInputType()
    {
        Name = "UnfavoriteListingInput";
        Description = "The listing to remove from your favourites.";
    }
}

public sealed class AddListingImagesInput
{
    [Id, Description("The listing to add photos to.")]
    public string ListingId { get; set; } = "";

    [LimitsDescription("The photos to add after the current ones (JPEG, PNG or WebP, 10 MB each; a listing holds at most {0}). If one is " +
        "refused, none is added.", ListingRules.MaxImages)]
    public List<IFormFile> Images { get; set; } = [];
}

public sealed class AddListingImagesInputType : AutoRegisteringInputObjectGraphType<AddListingImagesInput>
{
    public AddListingImagesInputType() => Description = "Photos to add to one of your listings.";
}

public sealed class RemoveListingImageInput
{
    [Id, Description("The listing the photo belongs to.")]
    public string ListingId { get; set; } = "";

    [Id, Description("The photo to remove (a `ListingImage.id`).")]
    public string ImageId { get; set; } = "";
}

public sealed class RemoveListingImageInputType : AutoRegisteringInputObjectGraphType<RemoveListingImageInput>
{
    public RemoveListingImageInputType() => Description = "A photo to remove from one of your listings.";
}

public sealed class ReorderListingImagesInput
{
    [Id, Description("The listing whose photos to reorder.")]
    public string ListingId { get; set; } = "";

    [Id, Description("Every photo of the listing (its `ListingImage.id`) exactly once, in the new order, the cover first.")]
    public List<string> ImageIds { get; set; } = [];
}

public sealed class ReorderListingImagesInputType : AutoRegisteringInputObjectGraphType<ReorderListingImagesInput>
{
    public ReorderListingImagesInputType() => Description = "The new order of one of your listings' photos.";
}
