using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Troc.Domain.Users;

namespace Troc.Domain.Moderation;

/// <summary>
/// A member blocks another: from then on neither sees the other's listings in search (both directions, so blocking
/// someone also hides you from them). Chat, matches and trades will honour the same rows.
/// </summary>
public sealed class UserBlock
{
    private UserBlock() { }

    public UserBlock(Guid blockerId, Guid blockedId, DateTime createdAt)
    {
        if (blockerId == blockedId) throw new ArgumentException("A member cannot block themself.", nameof(blockedId));
        BlockerId = blockerId;
        BlockedId = blockedId;
        CreatedAt = createdAt;
    }

    public Guid BlockerId { get; private set; }

    public Guid BlockedId { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

internal sealed class UserBlockConfiguration : IEntityTypeConfiguration<UserBlock>
{
    public void Configure(EntityTypeBuilder<UserBlock> builder)
    {
        builder.ToTable("user_blocks", table => table.HasCheckConstraint("ck_user_blocks_not_self", "blocker_id <> blocked_id"));
        builder.HasKey(b => new { b.BlockerId, b.BlockedId });
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.BlockerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.Cascade);
        // "Who blocked me" is looked up by the blocked side (search excludes both directions).
        builder.HasIndex(b => b.BlockedId);
        builder.HasIndex(b => new { b.BlockerId, b.CreatedAt });
    }
}
