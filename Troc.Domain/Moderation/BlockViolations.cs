using Troc.Domain.Common;

namespace Troc.Domain.Moderation;

/// <summary>Every way blocking or unblocking a member can be refused, with its field and French message.</summary>
public static class BlockViolations
{
    public static readonly Violation UserNotFound = new(ViolationKind.UserNotFound, "userId", "Ce membre n’existe pas.");

    public static readonly Violation CannotBlockYourself =
        new(ViolationKind.CannotBlockYourself, "userId", "Vous ne pouvez pas vous bloquer vous-même.");

    public static readonly Violation TooManyBlocks = new(ViolationKind.TooManyBlocks, "userId",
        $"Vous avez déjà bloqué {BlockService.MaxBlocksPerMember} membres : débloquez-en un d’abord.");
}
