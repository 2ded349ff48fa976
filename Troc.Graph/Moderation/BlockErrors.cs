using System.ComponentModel;
using Troc.Domain.Common;
using Troc.Domain.Moderation;
using Troc.Graph.Common;

namespace Troc.Graph.Moderation;

[Description("No member has this id.")]
public sealed class UserNotFoundError(Violation violation) : UserError(ViolationKind.UserNotFound, violation.Message);

[Description("You already block as many members as allowed: unblock one first.")]
public sealed class TooManyBlocksError(Violation violation) : UserError(ViolationKind.TooManyBlocks, violation.Message)
{
    [Description("How many members one may block.")]
    public int Limit => BlockService.MaxBlocksPerMember;
}

/// <summary>The one place where blocking's violations become the API's typed errors.</summary>
internal static class BlockErrors
{
    public static IReadOnlyList<UserError> From(IEnumerable<Violation> violations) => violations.Select(From).ToList();

    public static UserError From(Violation violation) => violation.Kind switch
    {
        ViolationKind.UserNotFound => new UserNotFoundError(violation),
        ViolationKind.TooManyBlocks => new TooManyBlocksError(violation),
        _ => new InvalidInputError(violation),
    };
}
