using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Categories;
using Troc.Graph.Common;

namespace Troc.Graph.Categories;

public sealed class CategoryType : NodeGraphType<Category>
{
    public const string TypeName = "Category";

    public CategoryType() : base(TypeName, c => c.Id, c => c.Id, c => c.ParentId, c => c.Position)
    {
        Description = "A category of the catalogue: a top-level category (Maison, Mode…) or one of its subcategories. Listings are filed under subcategories.";

        Field<CategoryType>("parent")
            .Description("The category this one belongs to; null for a top-level category.")
            .Resolve(context => context.Source.ParentId is { } parentId
                ? context.RequestServices!.GetRequiredService<CategoryById>().Load(parentId)
                : null);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("children")
            .Description("The subcategories of this category, in display order; empty for a subcategory.")
            .Resolve(context => context.RequestServices!.GetRequiredService<CategoriesByParentId>().Load(context.Source.Id));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Catalogue.ItemTypeType>>>>("itemTypes")
            .Description("The item types of this subcategory (retired ones left out), in display order: what a form offers when the owner " +
                "corrects an item type. Empty for a top-level category.")
            .Resolve(context => context.RequestServices!.GetRequiredService<Catalogue.ItemTypesByCategoryId>().Load(context.Source.Id));
    }
}

internal sealed class CategoryNodeResolver : INodeResolver
{
    public string TypeName => CategoryType.TypeName;

    public GraphQL.DataLoader.IDataLoaderResult<object?>? Resolve(IServiceProvider services, string key, System.Security.Claims.ClaimsPrincipal? viewer) =>
        int.TryParse(key, out var id)
            ? DataLoading.DataLoaderResults.Then(services.GetRequiredService<CategoryById>().Load(id), c => (object?)c)
            : null;
}
