using Microsoft.EntityFrameworkCore;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;

namespace Troc.Domain.Moderation;

/// <summary>Blocking and unblocking members. Both are idempotent: a double submit changes nothing more.</summary>
public sealed class BlockService(IDbContextFactory<TrocDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Enough for anyone acting in good faith; it bounds what one account can make search filter on.</summary>
    public const int MaxBlocksPerMember = 1000;

    public static readonly RuleViolation UserNotFound = new("userId", "USER_NOT_FOUND", "Ce membre n’existe pas.");
    public static readonly RuleViolation CannotBlockYourself = new("userId", "CANNOT_BLOCK_YOURSELF", "Vous ne pouvez pas vous bloquer vous-même.");
    public static readonly RuleViolation TooManyBlocks =
        new("userId", "TOO_MANY_BLOCKS", $"Vous avez déjà bloqué {MaxBlocksPerMember} membres : débloquez-en un d’abord.");

    public async Task<IReadOnlyList<RuleViolation>> BlockAsync(Guid blockerId, Guid blockedId, CancellationToken cancellationToken = default)
    {
        if (blockerId == blockedId) return [CannotBlockYourself];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == blockedId, cancellationToken)) return [UserNotFound];
        if (await db.UserBlocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, cancellationToken)) return [];
        if (await db.UserBlocks.CountAsync(b => b.BlockerId == blockerId, cancellationToken) >= MaxBlocksPerMember) return [TooManyBlocks];
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

    public async Task<IReadOnlyList<RuleViolation>> UnblockAsync(Guid blockerId, Guid blockedId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == blockedId, cancellationToken)) return [UserNotFound];
        await db.UserBlocks.Where(b => b.BlockerId == blockerId && b.BlockedId == blockedId).ExecuteDeleteAsync(cancellationToken);
        return [];
    }

    public async Task<bool> IsBlockedAsync(Guid blockerId, Guid blockedId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UserBlocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, cancellationToken);
    }
}
