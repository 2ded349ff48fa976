using Microsoft.EntityFrameworkCore;
using Troc.Domain.Common;
using Troc.Domain.Persistence;

namespace Troc.Domain.Moderation;

/// <summary>Blocking and unblocking members. Both are idempotent: a double submit changes nothing more.</summary>
public sealed class BlockService(IDbContextFactory<TrocDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Enough for anyone acting in good faith; it bounds what one account can make search filter on.</summary>
    public const int MaxBlocksPerMember = 1000;

    public async Task<IReadOnlyList<Violation>> BlockAsync(Guid blockerId, Guid blockedId, CancellationToken cancellationToken = default)
    {
        if (blockerId == blockedId) return [BlockViolations.CannotBlockYourself];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == blockedId, cancellationToken)) return [BlockViolations.UserNotFound];
        if (await db.UserBlocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, cancellationToken)) return [];
        if (await db.UserBlocks.CountAsync(b => b.BlockerId == blockerId, cancellationToken) >= MaxBlocksPerMember) return [BlockViolations.TooManyBlocks];
        db.UserBlocks.Add(new UserBlock(blockerId, blockedId, clock.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two identical requests raced: the other one stored the block, which is all this one wanted.
            if (!await IsBlockedAsync(blockerId, blockedId, cancellationToken)) throw;
        }
        return [];
    }

    public async Task<IReadOnlyList<Violation>> UnblockAsync(Guid blockerId, Guid blockedId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == blockedId, cancellationToken)) return [BlockViolations.UserNotFound];
        await db.UserBlocks.Where(b => b.BlockerId == blockerId && b.BlockedId == blockedId).ExecuteDeleteAsync(cancellationToken);
        return [];
    }

    public async Task<bool> IsBlockedAsync(Guid blockerId, Guid blockedId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UserBlocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, cancellationToken);
    }
}
