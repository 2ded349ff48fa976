using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Troc.Domain.Catalogue;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;
using Troc.Graph.Common;
using Troc.Graph.Listings;

namespace Troc.Graph.Catalogue;

public sealed class ItemTypeQueries
{
    public const int DefaultFirst = 5;
    public const int MaxFirst = 20;
    public const int MaxTextLength = 200;

    [GraphQLMetadata("itemType")]
    [Description("One item type by its stable slug (for example `perceuse-visseuse`), retired ones included; null when no item type has it.")]
    [OutputType(typeof(ItemTypeType))]
    public static async Task<StoredItemType?> ItemType(
        [Description("The item type's slug, as in `ItemType.slug`.")] string slug,
        [FromServices] ItemTypeBySlug itemTypes,
        CancellationToken cancellationToken) =>
        await itemTypes.Load(slug).GetResultAsync(cancellationToken);

    [GraphQLMetadata("suggestItemTypes")]
    [Description(
        "The item types a text may be about, best first: what a listing form suggests while someone types the title, or a want " +
        "form while they type a want. French free text: accents, case, plurals, elision (« l'aspirateur ») and small typos in " +
        "words of 5+ letters do not matter; brands (« Thermomix ») and function phrases (« pour faire des gaufres ») count. " +
        "A blank text, or one nothing in the catalogue matches, gives an empty list. " +
        "Errors (in `errors`, with `extensions.code`): `TEXT_TOO_LONG` past 200 characters, `FIRST_OUT_OF_RANGE` unless 1 ≤ first ≤ 20.")]
    [OutputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ItemTypeSuggestionType>>>))]
    public static IReadOnlyList<ItemTypeSuggestion> SuggestItemTypes(
        [Description("What the person typed, such as « velo de ville » or « Thermomix TM5 »; at most 200 characters.")] string text,
        [FromServices] ItemTypeResolver resolver,
        [Description("How many suggestions to return at most, 1 to 20 (default 5).")] int? first = DefaultFirst)
    {
        var size = first ?? DefaultFirst;
        if (size is < 1 or > MaxFirst)
            throw new ExecutionError($"`first` must be between 1 and {MaxFirst}.") { Code = RequestErrorCodes.FirstOutOfRange };
        if (text.Length > MaxTextLength)
            throw new ExecutionError($"`text` must be at most {MaxTextLength} characters.") { Code = RequestErrorCodes.TextTooLong };
        if (string.IsNullOrWhiteSpace(text)) return [];
        return resolver.Suggest(text, size)
            .Select(match => new ItemTypeSuggestion(
                match.ItemType.Slug,
                Math.Round(match.Confidence, 3),
                match.Evidence.OrderBy(e => e.Start).Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    [GraphQLMetadata("previewWant")]
    [Description(
        "What Troc would store for one want phrase: the preview of the `Want` that `createListing` / `updateListing` store for " +
        "it, read by the very same code, so a listing form can show each want's item type as a chip while the member types, " +
        "before anything is saved. Item types best first with their confidences (« vélo de ville »), a whole subcategory for " +
        "a broad want (« de l'outillage »), or UNRESOLVED when nothing in the catalogue matches; `chosenByOwner` is false. " +
        "To choose other item types or a subcategory, send them with the want in `WantInput.itemTypeIds` / `categoryId`. " +
        "Null for a blank text. Errors (in `errors`, with `extensions.code`): `TEXT_TOO_LONG` past 80 characters (the want limit).")]
    [OutputType(typeof(WantType))]
    public static async Task<ListingWant?> PreviewWant(
        [Description("The want as the member types it, such as « un vélo de ville » or « de l'outillage »; trimmed as a saved want is, " +
            "then at most 80 characters.")] string text,
        [FromServices] IDbContextFactory<TrocDbContext> dbFactory,
        [FromServices] ListingUnderstanding understanding,
        CancellationToken cancellationToken)
    {
        // Trimmed first, as ListingRules and ReadAsync trim a want: the limit and the reading apply to what would be stored.
        var want = text.Trim();
        if (want.Length > ListingRules.WantMaxLength)
            throw new ExecutionError($"`text` must be at most {ListingRules.WantMaxLength} characters.") { Code = RequestErrorCodes.TextTooLong };
        if (want.Length == 0) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reading = await understanding.ReadAsync(db, "", "", null, reread: false, wants: [want], wantChoices: null, cancellationToken);
        return reading.Wants is [var preview] ? preview : null;
    }
}
