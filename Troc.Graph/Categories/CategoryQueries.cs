using System.ComponentModel;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Troc.Domain.Categories;
using Troc.Domain.Persistence;

namespace Troc.Graph.Categories;

public sealed class CategoryQueries
{
    [GraphQLMetadata("categories")]
    [Description("The catalogue's top-level categories in display order; each lists its subcategories in `children`.")]
    [OutputType(typeof(GraphQL.Types.NonNullGraphType<GraphQL.Types.ListGraphType<GraphQL.Types.NonNullGraphType<CategoryType>>>))]
    public static async Task<Category[]> Categories(
        [FromServices] IDbContextFactory<TrocDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking()
            .Where(c => c.ParentId == null)
            .OrderBy(c => c.Position)
            .ToArrayAsync(cancellationToken);
    }

    [GraphQLMetadata("category")]
    [Description("One category by its stable slug (for example `maison-ameublement`); null when no category has it.")]
    [OutputType(typeof(CategoryType))]
    public static async Task<Category?> Category(
        [Description("The category's slug, as in `Category.slug`.")] string slug,
        [FromServices] IDbContextFactory<TrocDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
    }
}
