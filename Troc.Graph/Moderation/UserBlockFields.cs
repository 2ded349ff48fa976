using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Troc.Domain.Persistence;
using Troc.Domain.Users;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;
using Troc.Graph.Transport.Authorization;
using Troc.Graph.Users;

namespace Troc.Graph.Moderation;

/// <summary>`User.isBlocked` and `User.blockedUsers`. Whether someone blocked you is never shown.</summary>
public static class UserBlockFields
{
    public static void AddTo(ObjectGraphType<User> userType)
    {
        userType.Field<NonNullGraphType<BooleanGraphType>>("isBlocked")
            .Description("True when the signed-in member blocks this member (see `blockUser`); false when signed out.")
            .Resolve(context => context.User.UserId() is { } viewer && viewer != context.Source.Id
                ? context.RequestServices!.GetRequiredService<BlockedByViewer>().Load((viewer, context.Source.Id))
                : (object)false);

        userType.Field<ConnectionType<UserType, User>>("blockedUsers")
            .Description("Members this member blocks, most recently blocked first.")
            .PagingArguments()
            .ResolveAsync(async context =>
            {
                var page = PageRequest.From(context);
                var dbFactory = context.RequestServices!.GetRequiredService<IDbContextFactory<TrocDbContext>>();
                await using var db = await dbFactory.CreateDbContextAsync(context.CancellationToken);
                // At most BlockService.MaxBlocksPerMember ids: paging them in memory is cheap.
                var ids = await db.UserBlocks.AsNoTracking()
                    .Where(b => b.BlockerId == context.Source.Id)
                    .OrderByDescending(b => b.CreatedAt).ThenBy(b => b.BlockedId)
                    .Select(b => b.BlockedId)
                    .ToListAsync(context.CancellationToken);
                return (object?)await page.SliceAndLoadAsync(ids, id => GlobalId.Encode("BlockCursor", id.ToString("N")),
                    context.RequestServices!.GetRequiredService<UserById>(), context.CancellationToken);
            })
            .OwnerOnly(user => user.Id);
    }
}

/// <summary>Whether a member blocks another, keyed by (blocker, blocked); a request has one viewer, so one statement.</summary>
public sealed class BlockedByViewer(IDbContextFactory<TrocDbContext> dbFactory) : BatchLoader<(Guid BlockerId, Guid BlockedId), bool>
{
    protected override async Task<IReadOnlyDictionary<(Guid BlockerId, Guid BlockedId), bool>> FetchAsync(
        IReadOnlyList<(Guid BlockerId, Guid BlockedId)> keys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = new Dictionary<(Guid, Guid), bool>();
        foreach (var group in keys.GroupBy(k => k.BlockerId))
        {
            var blockedIds = group.Select(k => k.BlockedId).ToList();
            var blocked = await db.UserBlocks.AsNoTracking()
                .Where(b => b.BlockerId == group.Key && blockedIds.Contains(b.BlockedId))
                .Select(b => b.BlockedId)
                .ToListAsync(cancellationToken);
            foreach (var id in blocked) found[(group.Key, id)] = true;
        }
        return found;
    }
}
