using Microsoft.EntityFrameworkCore;
using Troc.Domain.Categories;
using Troc.Domain.Persistence;
using Troc.Graph.DataLoading;

namespace Troc.Graph.Categories;

public sealed class CategoryById(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<int, Category>
{
    protected override async Task<IReadOnlyDictionary<int, Category>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoaderQueries.CategoriesByIds(db, keys).ToDictionaryAsync(c => c.Id, cancellationToken);
    }
}

public sealed class CategoriesByParentId(IDbContextFactory<TrocDbContext> dbFactory) : GroupedBatchLoader<int, Category>
{
    protected override async Task<IReadOnlyDictionary<int, Category[]>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var children = await db.Categories.AsNoTracking()
            .Where(c => c.ParentId != null && keys.Contains(c.ParentId.Value))
            .OrderBy(c => c.Position)
            .ToListAsync(cancellationToken);
        return Group(children, c => c.ParentId!.Value);
    }
}
