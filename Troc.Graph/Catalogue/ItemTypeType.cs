using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Catalogue;
using Troc.Graph.Categories;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;

namespace Troc.Graph.Catalogue;

public sealed class ItemTypeType : ObjectGraphType<StoredItemType>
{
    public const string TypeName = "ItemType";

    public ItemTypeType()
    {
        Name = TypeName;
        Description = "A kind of thing of the catalogue (category → subcategory → item type), such as « Perceuse-visseuse » or « Poussette canne »: " +
            "what a listing is and what a want asks for. Swaps are matched on these.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is StoredItemType;

        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Globally unique, opaque identifier of this object; the same on every Troc server, since it stands for the slug.")
            .Resolve(context => GlobalId(context.Source.Slug));
        Field<NonNullGraphType<StringGraphType>>("slug")
            .Description("Stable, URL-safe identifier such as `perceuse-visseuse`; safe to hard-code in a client.")
            .Resolve(context => context.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("label")
            .Description("French label to show to people, such as « Perceuse-visseuse ».")
            .Resolve(context => context.Source.Label);
        Field<NonNullGraphType<CategoryType>>("category")
            .Description("The subcategory the item type belongs to.")
            .Resolve(context => context.RequestServices!.GetRequiredService<CategoryById>().Load(context.Source.CategoryId));
        Field<NonNullGraphType<BooleanGraphType>>("retired")
            .Description("True when the item type left the catalogue. Listings and wants that pointed at it keep it until the next reindex; " +
                "it is never suggested and cannot be chosen.")
            .Resolve(context => context.Source.Retired);
    }

    public static string GlobalId(string slug) => Common.GlobalId.Encode(TypeName, slug);
}

internal sealed class ItemTypeNodeResolver : INodeResolver
{
    public string TypeName => ItemTypeType.TypeName;

    public IDataLoaderResult<object?>? Resolve(IServiceProvider services, string key, System.Security.Claims.ClaimsPrincipal? viewer) =>
        services.GetRequiredService<ItemTypeBySlug>().Load(key).Then(t => (object?)t);
}

/// <summary>One item type a text may be about, with the resolver's confidence and the words that decided it.</summary>
public sealed record ItemTypeSuggestion(string Slug, double Confidence, IReadOnlyList<string> Evidence);

public sealed class ItemTypeSuggestionType : ObjectGraphType<ItemTypeSuggestion>
{
    public ItemTypeSuggestionType()
    {
        Name = "ItemTypeSuggestion";
        Description = "An item type the text may be about.";
        Field<NonNullGraphType<ItemTypeType>>("itemType")
            .Description("The item type.")
            .Resolve(context => context.RequestServices!.GetRequiredService<ItemTypeBySlug>().Load(context.Source.Slug));
        Field<NonNullGraphType<FloatGraphType>>("confidence")
            .Description("How sure the resolver is, from 0 to 1 (three decimals).")
            .Resolve(context => context.Source.Confidence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("evidence")
            .Description("The words of the text that matched, as written (« perçeuse », « Thermomix »), in the order of the text.")
            .Resolve(context => context.Source.Evidence);
    }
}
