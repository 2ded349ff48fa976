using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Users;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.Users;

/// <summary>
/// A Troc member. Every field is declared here by hand, never auto-registered from the entity: a property added
/// to <see cref="User"/> (a hash, a lockout counter) must not become public by accident.
/// </summary>
public sealed class UserType : ObjectGraphType<User>
{
    public const string TypeName = "User";

    public UserType()
    {
        Name = TypeName;
        Description = "A Troc member. Anyone sees the public profile; private fields are readable by the member themself (through `me` or anywhere else) and admins only.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is User;

        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Globally unique, opaque identifier of this object.")
            .Resolve(context => GlobalId(context.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("displayName")
            .Description("The name shown to other members.")
            .Resolve(context => context.Source.DisplayName);
        Field<NonNullGraphType<DateTimeGraphType>>("memberSince")
            .Description("When the account was created (UTC).")
            .Resolve(context => context.Source.CreatedAt);

        Field<StringGraphType>("email")
            .Description("The address the member signs in with, normalised to lower case.")
            .Resolve(context => context.Source.Email)
            .OwnerOnly(u => u.Id);
        Field<BooleanGraphType>("emailVerified")
            .Description("True once the member opened the verification link mailed to `email`.")
            .Resolve(context => context.Source.IsEmailVerified)
            .OwnerOnly(u => u.Id);
        Field<StringGraphType>("pendingEmail")
            .Description("A new address asked for with `changeEmail`, waiting for its confirmation link to be opened; null when none.")
            .Resolve(context => context.Source.PendingEmail)
            .OwnerOnly(u => u.Id);
        Field<UserRoleType>("role")
            .Description("What the member may do beyond their own things.")
            .Resolve(context => context.Source.Role)
            .OwnerOnly(u => u.Id);

        Listings.UserListingFields.AddTo(this);
        Moderation.UserBlockFields.AddTo(this);
        SavedSearches.UserSavedSearchFields.AddTo(this);
    }

    public static string GlobalId(Guid id) => Common.GlobalId.Encode(TypeName, id.ToString("N"));
}

public sealed class UserRoleType : EnumerationGraphType<UserRole>
{
    public UserRoleType()
    {
        Name = "UserRole";
        Description = "What a member may do beyond their own things.";
        Values["MEMBER"]!.Description = "Everyone who signed up.";
        Values["ADMIN"]!.Description = "Moderators and operators: may read private fields and suspend accounts.";
    }
}

internal sealed class UserNodeResolver : INodeResolver
{
    public string TypeName => UserType.TypeName;

    public IDataLoaderResult<object?>? Resolve(IServiceProvider services, string key, System.Security.Claims.ClaimsPrincipal? viewer) =>
        Guid.TryParseExact(key, "N", out var id)
            ? services.GetRequiredService<UserById>().Load(id).Then(u => (object?)u)
            : null;
}
