using System.ComponentModel;
using Troc.Domain.Listings;
using Troc.Domain.Moderation;
using Troc.Graph.Common;

namespace Troc.Graph.Moderation;

[Description("No member has this id.")]
public sealed class UserNotFoundError(string message) : UserError("USER_NOT_FOUND", message);

[Description("You already block as many members as allowed: unblock one first.")]
public sealed class TooManyBlocksError(string message) : UserError("TOO_MANY_BLOCKS", message)
{
    [Description("How many members one may block.")]
    public int Limit => BlockService.MaxBlocksPerMember;
}

internal static class BlockErrors
{
    public static IReadOnlyList<UserError> From(IEnumerable<RuleViolation> violations) =>
        violations.Select(violation => violation.Code switch
        {
            "USER_NOT_FOUND" => new UserNotFoundError(violation.Message),
            "TOO_MANY_BLOCKS" => new TooManyBlocksError(violation.Message),
            _ => (UserError)new InvalidInputError(violation.Field, violation.Message, violation.Code),
        }).ToList();
}
