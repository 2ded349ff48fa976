using System.ComponentModel;
using GraphQL;
using Troc.Domain.Users;
using Troc.Graph.Common;
using Troc.Graph.Users;

namespace Troc.Graph.Moderation;

/// <summary>Result of a block change: the member concerned.</summary>
public abstract class BlockPayload(User? user, IReadOnlyList<UserError>? errors) : Payload(errors)
{
    [Description("The member concerned; null when the mutation failed.")]
    [OutputType(typeof(UserType))]
    public User? User { get; } = user;
}

public sealed class BlockUserPayload(User? user, IReadOnlyList<UserError>? errors = null) : BlockPayload(user, errors);

public sealed class BlockUserPayloadType()
    : PayloadType<BlockUserPayload>("Result of `blockUser`.", typeof(UserNotFoundError), typeof(TooManyBlocksError), typeof(InvalidInputError));

public sealed class UnblockUserPayload(User? user, IReadOnlyList<UserError>? errors = null) : BlockPayload(user, errors);

public sealed class UnblockUserPayloadType()
    : PayloadType<UnblockUserPayload>("Result of `unblockUser`.", typeof(UserNotFoundError));
