using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Domain.Catalogue;

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
            throw new ExecutionError($"`first` must be between 1 and {MaxFirst}.") { Code = "FIRST_OUT_OF_RANGE" };
        if (text.Length > MaxTextLength)
            throw new ExecutionError($"`text` must be at most {MaxTextLength} characters.") { Code = "TEXT_TOO_LONG" };
        if (string.IsNullOrWhiteSpace(text)) return [];
        return resolver.Suggest(text, size)
            .Select(match => new ItemTypeSuggestion(
                match.ItemType.Slug,
                Math.Round(match.Confidence, 3),
                match.Evidence.OrderBy(e => e.Start).Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
