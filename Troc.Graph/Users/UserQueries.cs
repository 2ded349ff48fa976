using System.ComponentModel;
using GraphQL;
using GraphQL.DataLoader;
using Troc.Domain.Users;
using Troc.Graph.Common;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.Users;

public sealed class UserQueries
{
    [GraphQLMetadata("me")]
    [Description("The signed-in member, with their private fields; null when the request carries no access token.")]
    [OutputType(typeof(UserType))]
    public static IDataLoaderResult<User?>? Me(IResolveFieldContext context, [FromServices] UserById users) =>
        context.User.UserId() is { } id ? users.Load(id) : null;

    [GraphQLMetadata("user")]
    [Description("A member's public profile by global id; null when no member has it. Private fields stay private to their owner.")]
    [OutputType(typeof(UserType))]
    public static IDataLoaderResult<User?>? User(
        [Id, Description("The member's global id, as returned in `User.id`.")] string id,
        [FromServices] UserById users) =>
        GlobalId.TryDecodeGuid(id, UserType.TypeName, out var key) ? users.Load(key) : null;
}
