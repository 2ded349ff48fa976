using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Domain.Media;
using Troc.Graph.Catalogue;
using Troc.Graph.Categories;
using Troc.Graph.Common;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.Listings;

/// <summary>Publishing, changing and withdrawing listings, and favourites.</summary>
public sealed class ListingMutations
{
    [GraphQLMetadata("createListing")]
    [Description("Publishes a listing. Requires: a verified email address.")]
    [Authorize(Policies.EmailVerified)]
    [OutputType(typeof(NonNullGraphType<CreateListingPayloadType>))]
    public static async Task<CreateListingPayload> CreateListing(
        [InputType(typeof(NonNullGraphType<CreateListingInputType>)), Description("The new listing.")] CreateListingInput input,
        IResolveFieldContext context, [FromServices] ListingService listings, [FromServices] ImageService images,
        CancellationToken cancellationToken)
    {
        var idErrors = new List<Violation>();
        var categoryId = DecodeCategory(input.CategoryId, "categoryId", idErrors);
        var wantedCategoryIds = DecodeWantedCategories(input.WantedCategoryIds ?? [], idErrors);
        var itemType = input.ItemTypeId is null ? ItemTypeChoice.Automatic : DecodeItemType(input.ItemTypeId, idErrors);
        var (wantTexts, wantChoices) = DecodeWants(input.Wants ?? [], idErrors);
        var uploads = input.Images ?? [];
        if (uploads.Count > ListingRules.MaxImages) idErrors.Add(ListingViolations.TooManyImages);
        if (idErrors.Count > 0) return new CreateListingPayload(null, ListingErrors.From(idErrors));

        var draft = new ListingDraft(input.Title, input.Description, categoryId, input.Condition, wantTexts,
            wantedCategoryIds, input.OpenToAnyOffer, input.Location, input.PlaceName);
        var ownerId = context.User.UserId()!.Value;
        // A listing that would be refused is refused before any photo is processed or stored.
        if (uploads.Count == 0 || (await listings.CheckCreateAsync(ownerId, draft, cancellationToken, itemType, wantChoices)).Count > 0)
        {
            var plain = await listings.CreateAsync(ownerId, draft, cancellationToken, null, itemType, wantChoices);
            return new CreateListingPayload(plain.Listing, ListingErrors.From(plain.Violations));
        }

        var saved = await ListingPhotos.SaveAllAsync(images, uploads, "images", cancellationToken);
        if (saved.Errors.Count > 0) return new CreateListingPayload(null, saved.Errors);
        var result = await KeepPhotosOnlyIfAsync(images, saved.Images,
            () => listings.CreateAsync(ownerId, draft, cancellationToken, saved.Images, itemType, wantChoices));
        return new CreateListingPayload(result.Listing, ListingErrors.From(result.Violations));
    }

    [GraphQLMetadata("addListingImages")]
    [Description("Adds photos after the current ones of one of your listings (at most 10 in all). All or nothing: if one photo is refused, none is kept. Send as a GraphQL multipart request. Requires: signed in, owner of the listing.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<AddListingImagesPayloadType>))]
    public static async Task<AddListingImagesPayload> AddListingImages(
        [InputType(typeof(NonNullGraphType<AddListingImagesInputType>)), Description("The listing and the photos.")] AddListingImagesInput input,
        IResolveFieldContext context, [FromServices] ListingService listings, [FromServices] ImageService images,
        CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecodeGuid(input.ListingId, ListingType.TypeName, out var listingId))
            return new AddListingImagesPayload(null, ListingErrors.From([ListingViolations.NotFound]));
        if (input.Images.Count == 0)
            return new AddListingImagesPayload(null, ListingErrors.From([ListingViolations.NoImages]));
        var userId = context.User.UserId()!.Value;
        // Ownership and the photo limit are checked before any upload is processed, so a refused request stores nothing.
        var refused = await listings.CheckCanAddImagesAsync(userId, listingId, input.Images.Count, cancellationToken);
        if (refused.Count > 0) return new AddListingImagesPayload(null, ListingErrors.From(refused));

        var saved = await ListingPhotos.SaveAllAsync(images, input.Images, "images", cancellationToken);
        if (saved.Errors.Count > 0) return new AddListingImagesPayload(null, saved.Errors);
        var result = await KeepPhotosOnlyIfAsync(images, saved.Images,
            () => listings.AddImagesAsync(userId, listingId, saved.Images, cancellationToken));
        await PublishIfChanged(context, result, cancellationToken);
        return new AddListingImagesPayload(result.Listing, ListingErrors.From(result.Violations));
    }

    [GraphQLMetadata("removeListingImage")]
    [Description("Removes a photo from one of your listings and deletes its files. A listing with photos keeps at least one (LAST_IMAGE). Requires: signed in, owner of the listing.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<RemoveListingImagePayloadType>))]
    public static async Task<RemoveListingImagePayload> RemoveListingImage(
        [InputType(typeof(NonNullGraphType<RemoveListingImageInputType>)), Description("The listing and the photo.")] RemoveListingImageInput input,
        IResolveFieldContext context, [FromServices] ListingService listings, [FromServices] ImageService images,
        CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecodeGuid(input.ListingId, ListingType.TypeName, out var listingId))
            return new RemoveListingImagePayload(null, ListingErrors.From([ListingViolations.NotFound]));
        // An id that is not a photo's is "not found", exactly like a photo the listing does not have.
        var imageId = GlobalId.TryDecodeGuid(input.ImageId, ListingImageType.TypeName, out var decoded) ? decoded : Guid.Empty;
        var (result, removed) = await listings.RemoveImageAsync(context.User.UserId()!.Value, listingId, imageId, cancellationToken);
        if (removed is not null) await ListingPhotos.DeleteAllAsync(images, [removed]);
        await PublishIfChanged(context, result, cancellationToken);
        return new RemoveListingImagePayload(result.Listing, ListingErrors.From(result.Violations));
    }

    [GraphQLMetadata("reorderListingImages")]
    [Description("Puts the photos of one of your listings in a new order, the cover first. Requires: signed in, owner of the listing.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<ReorderListingImagesPayloadType>))]
    public static async Task<ReorderListingImagesPayload> ReorderListingImages(
        [InputType(typeof(NonNullGraphType<ReorderListingImagesInputType>)), Description("The listing and its photos in the new order.")] ReorderListingImagesInput input,
        IResolveFieldContext context, [FromServices] ListingService listings, CancellationToken cancellationToken)
    {
        // An unknown id makes the list no permutation of the listing's photos: the domain refuses it with INVALID_INPUT.
        var imageIds = input.ImageIds
            .Select(id => GlobalId.TryDecodeGuid(id, ListingImageType.TypeName, out var imageId) ? imageId : Guid.Empty)
            .ToList();
        var result = await RunOnListing(input.ListingId,
            listingId => listings.ReorderImagesAsync(context.User.UserId()!.Value, listingId, imageIds, cancellationToken));
        await PublishIfChanged(context, result, cancellationToken);
        return new ReorderListingImagesPayload(result.Listing, ListingErrors.From(result.Violations));
    }

    /// <summary>Runs the command that keeps stored photos; if it refuses or throws, the photos are deleted again.</summary>
    private static async Task<ListingResult> KeepPhotosOnlyIfAsync(ImageService images, IReadOnlyList<StoredImage> stored, Func<Task<ListingResult>> command)
    {
        ListingResult result;
        try
        {
            result = await command();
        }
        catch
        {
            await ListingPhotos.DeleteAllAsync(images, stored);
            throw;
        }
        if (result.Listing is null) await ListingPhotos.DeleteAllAsync(images, stored);
        return result;
    }

    [GraphQLMetadata("updateListing")]
    [Description("Changes one of your listings; omitted fields keep their value. Requires: signed in, owner of the listing.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<UpdateListingPayloadType>))]
    public static async Task<UpdateListingPayload> UpdateListing(
        [InputType(typeof(NonNullGraphType<UpdateListingInputType>)), Description("The listing and the changes.")] UpdateListingInput input,
        IResolveFieldContext context, [FromServices] ListingService listings, CancellationToken cancellationToken)
    {
        var idErrors = new List<Violation>();
        var listingId = DecodeListing(input.Id, idErrors);
        int? categoryId = input.CategoryId is null ? null : DecodeCategory(input.CategoryId, "categoryId", idErrors);
        var wantedCategoryIds = input.WantedCategoryIds is null ? null : DecodeWantedCategories(input.WantedCategoryIds, idErrors);
        ItemTypeChoice? itemType = !input.ItemTypeIdGiven ? null
            : input.ItemTypeId is null ? ItemTypeChoice.Automatic
            : DecodeItemType(input.ItemTypeId, idErrors);
        var (wantTexts, wantChoices) = input.Wants is null ? (null, null) : DecodeWants(input.Wants, idErrors);
        if (idErrors.Count > 0) return new UpdateListingPayload(null, ListingErrors.From(idErrors));

        var changes = new ListingChanges(input.Title, input.Description, categoryId, input.Condition, wantTexts,
            wantedCategoryIds, input.OpenToAnyOffer, input.Location, input.PlaceName, itemType, wantChoices);
        var result = await listings.UpdateAsync(context.User.UserId()!.Value, listingId, changes, cancellationToken);
        await PublishIfChanged(context, result, cancellationToken);
        return new UpdateListingPayload(result.Listing, ListingErrors.From(result.Violations));
    }

    [GraphQLMetadata("archiveListing")]
    [Description("Withdraws one of your listings: it leaves search and only you still see it. Requires: signed in, owner of the listing.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<ArchiveListingPayloadType>))]
    public static async Task<ArchiveListingPayload> ArchiveListing(
        [InputType(typeof(NonNullGraphType<ArchiveListingInputType>)), Description("The listing to withdraw.")] ListingIdInput input,
        IResolveFieldContext context, [FromServices] ListingService listings, CancellationToken cancellationToken)
    {
        var result = await RunOnListing(input.Id, id => listings.ArchiveAsync(context.User.UserId()!.Value, id, cancellationToken));
        await PublishIfChanged(context, result, cancellationToken);
        return new ArchiveListingPayload(result.Listing, ListingErrors.From(result.Violations));
    }

    [GraphQLMetadata("reactivateListing")]
    [Description("Puts one of your archived listings back on offer. Requires: signed in, owner of the listing.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<ReactivateListingPayloadType>))]
    public static async Task<ReactivateListingPayload> ReactivateListing(
        [InputType(typeof(NonNullGraphType<ReactivateListingInputType>)), Description("The listing to put back on offer.")] ListingIdInput input,
        IResolveFieldContext context, [FromServices] ListingService listings, CancellationToken cancellationToken)
    {
        var result = await RunOnListing(input.Id, id => listings.ReactivateAsync(context.User.UserId()!.Value, id, cancellationToken));
        await PublishIfChanged(context, result, cancellationToken);
        return new ReactivateListingPayload(result.Listing, ListingErrors.From(result.Violations));
    }

    [GraphQLMetadata("favoriteListing")]
    [Description("Keeps someone else's listing in your favourites; doing it twice changes nothing. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<FavoriteListingPayloadType>))]
    public static async Task<FavoriteListingPayload> FavoriteListing(
        [InputType(typeof(NonNullGraphType<FavoriteListingInputType>)), Description("The listing to keep.")] ListingIdInput input,
        IResolveFieldContext context, [FromServices] ListingService listings, CancellationToken cancellationToken)
    {
        var result = await RunOnListing(input.Id, id => listings.FavoriteAsync(context.User.UserId()!.Value, id, cancellationToken));
        return new FavoriteListingPayload(result.Listing, ListingErrors.From(result.Violations));
    }

    [GraphQLMetadata("unfavoriteListing")]
    [Description("Removes a listing from your favourites; removing one that is not there changes nothing. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<UnfavoriteListingPayloadType>))]
    public static async Task<UnfavoriteListingPayload> UnfavoriteListing(
        [InputType(typeof(NonNullGraphType<UnfavoriteListingInputType>)), Description("The listing to remove.")] ListingIdInput input,
        IResolveFieldContext context, [FromServices] ListingService listings, CancellationToken cancellationToken)
    {
        var result = await RunOnListing(input.Id, id => listings.UnfavoriteAsync(context.User.UserId()!.Value, id, cancellationToken));
        return new UnfavoriteListingPayload(result.Listing, ListingErrors.From(result.Violations));
    }

    private static Task PublishIfChanged(IResolveFieldContext context, ListingResult result, CancellationToken cancellationToken) =>
        result.Listing is { } listing ? ListingEvents.PublishAsync(context.RequestServices!, listing, cancellationToken) : Task.CompletedTask;

    /// <summary>An id that is not a listing's is "not found", exactly like a listing that does not exist.</summary>
    private static Task<ListingResult> RunOnListing(string id, Func<Guid, Task<ListingResult>> command) =>
        GlobalId.TryDecodeGuid(id, ListingType.TypeName, out var listingId)
            ? command(listingId)
            : Task.FromResult(ListingResult.Failed(ListingViolations.NotFound));

    private static Guid DecodeListing(string id, List<Violation> errors)
    {
        if (GlobalId.TryDecodeGuid(id, ListingType.TypeName, out var listingId)) return listingId;
        errors.Add(ListingViolations.NotFound);
        return Guid.Empty;
    }

    /// <summary>An id that is not an item type's is "not found", exactly like an item type that does not exist.</summary>
    private static ItemTypeChoice DecodeItemType(string id, List<Violation> errors, string field = "itemTypeId")
    {
        if (GlobalId.TryDecode(id, ItemTypeType.TypeName, out var slug)) return ItemTypeChoice.Of(slug);
        errors.Add(ListingViolations.ItemTypeNotFound(field));
        return ItemTypeChoice.Automatic;
    }

    /// <summary>The want texts for the rules, and the owner's choices aligned with them (null where Troc reads the text).</summary>
    private static (List<string> Texts, List<WantChoice?> Choices) DecodeWants(IReadOnlyList<WantInput> wants, List<Violation> errors)
    {
        var texts = new List<string>(wants.Count);
        var choices = new List<WantChoice?>(wants.Count);
        for (var i = 0; i < wants.Count; i++)
        {
            var want = wants[i];
            texts.Add(want.Text);
            var slugs = new List<string>();
            var itemTypeIds = want.ItemTypeIds ?? [];
            // Ids past the limit are not decoded: the domain refuses the choice as a whole (TOO_MANY_WANT_ITEM_TYPES).
            for (var j = 0; j < itemTypeIds.Count; j++)
            {
                if (j >= ListingUnderstanding.MaxWantItemTypes) slugs.Add(itemTypeIds[j]);
                else if (GlobalId.TryDecode(itemTypeIds[j], ItemTypeType.TypeName, out var slug)) slugs.Add(slug);
                else errors.Add(ListingViolations.ItemTypeNotFound($"wants[{i}].itemTypeIds[{j}]"));
            }
            int? categoryId = want.CategoryId is null ? null : DecodeCategory(want.CategoryId, $"wants[{i}].categoryId", errors);
            choices.Add(slugs.Count > 0 || categoryId is not null ? new WantChoice(slugs, categoryId) : null);
        }
        return (texts, choices);
    }

    private static int DecodeCategory(string id, string field, List<Violation> errors)
    {
        if (GlobalId.TryDecodeInt(id, CategoryType.TypeName, out var categoryId)) return categoryId;
        errors.Add(ListingViolations.CategoryNotFound(field));
        return 0;
    }

    private static int[] DecodeWantedCategories(IReadOnlyList<string> ids, List<Violation> errors)
    {
        if (ids.Count > ListingRules.MaxWantedCategories)
        {
            errors.Add(ListingViolations.TooManyWantedCategories);
            return [];
        }
        var decoded = new List<int>();
        foreach (var id in ids)
        {
            if (GlobalId.TryDecodeInt(id, CategoryType.TypeName, out var categoryId)) decoded.Add(categoryId);
            else
            {
                errors.Add(ListingViolations.WantedCategoryNotFound);
                break;
            }
        }
        return decoded.ToArray();
    }
}
