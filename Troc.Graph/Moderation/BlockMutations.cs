using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Domain.Common;
using Troc.Domain.Moderation;
using Troc.Domain.Users;
using Troc.Graph.Common;
using Troc.Graph.Transport.Authorization;
using Troc.Graph.Users;

namespace Troc.Graph.Moderation;

/// <summary>Blocking members: what someone does when a conversation or a swap goes wrong.</summary>
public sealed class BlockMutations
{
    [GraphQLMetadata("blockUser")]
    [Description(
        "Blocks a member: neither of you sees the other's listings in search any more (nor, later, in matches and chat). " +
        "Blocking someone already blocked changes nothing. The other member is not told. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<BlockUserPayloadType>))]
    public static async Task<BlockUserPayload> BlockUser(
        [InputType(typeof(NonNullGraphType<BlockUserInputType>)), Description("The member to block.")] UserIdInput input,
        IResolveFieldContext context, [FromServices] BlockService blocks, [FromServices] UserById users, CancellationToken cancellationToken)
    {
        var (user, errors) = await RunOnUserAsync(input.UserId, users, id => blocks.BlockAsync(context.User.UserId()!.Value, id, cancellationToken), cancellationToken);
        return new BlockUserPayload(user, errors);
    }

    [GraphQLMetadata("unblockUser")]
    [Description("Lifts a block you placed; unblocking someone you have not blocked changes nothing. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<UnblockUserPayloadType>))]
    public static async Task<UnblockUserPayload> UnblockUser(
        [InputType(typeof(NonNullGraphType<UnblockUserInputType>)), Description("The member to unblock.")] UserIdInput input,
        IResolveFieldContext context, [FromServices] BlockService blocks, [FromServices] UserById users, CancellationToken cancellationToken)
    {
        var (user, errors) = await RunOnUserAsync(input.UserId, users, id => blocks.UnblockAsync(context.User.UserId()!.Value, id, cancellationToken), cancellationToken);
        return new UnblockUserPayload(user, errors);
    }

    /// <summary>An id that is not a member's is "not found", exactly like a member that does not exist.</summary>
    private static async Task<(User? User, IReadOnlyList<UserError> Errors)> RunOnUserAsync(
        string id, UserById users, Func<Guid, Task<IReadOnlyList<Violation>>> command, CancellationToken cancellationToken)
    {
        if (!GlobalId.TryDecodeGuid(id, UserType.TypeName, out var userId)) return (null, BlockErrors.From([BlockViolations.UserNotFound]));
        var violations = await command(userId);
        return violations.Count > 0 ? (null, BlockErrors.From(violations)) : (await users.Load(userId).GetResultAsync(cancellationToken), []);
    }
}
