using Microsoft.EntityFrameworkCore;
using Troc.Domain.Persistence;
using Troc.Domain.Users;
using Troc.Graph.DataLoading;

namespace Troc.Graph.Users;

public sealed class UserById(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<Guid, User>
{
    protected override async Task<IReadOnlyDictionary<Guid, User>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
    }
}
