using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;

namespace Troc.Graph.Transport.Authorization;

/// <summary>
/// Fields that only the owner of an object (and admins) may read, such as `User.email`. A validation rule cannot
/// know whose object a field belongs to, so the check runs at resolution, per object: anyone else gets null and
/// an AUTH_NOT_AUTHORIZED error at that path, and the rest of the response is unaffected.
/// </summary>
public static class PrivateFields
{
    public const string MetadataKey = "troc:ownerOnly";

    /// <summary>Call after <c>Resolve</c>: wraps the field's resolver in the owner check.</summary>
    public static FieldBuilder<TSource, TReturn> OwnerOnly<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Func<TSource, Guid> ownerOf)
    {
        var inner = field.FieldType.Resolver
            ?? throw new InvalidOperationException($"Field `{field.FieldType.Name}`: call OwnerOnly after Resolve.");
        field.FieldType.Metadata[MetadataKey] = true;
        field.FieldType.Description = (field.FieldType.Description ?? "").TrimEnd() +
            " Private: readable by this user and admins only; anyone else gets null and an AUTH_NOT_AUTHORIZED error.";
        field.FieldType.Resolver = new FuncFieldResolver<object?>(context =>
        {
            var owner = ownerOf((TSource)context.Source!);
            if (!context.User.MayReadPrivateFieldsOf(owner) && !IsGranted(context, owner))
                throw new ExecutionError($"Only this user can read `{field.FieldType.Name}`.") { Code = AuthorizationRule.NotAuthorizedCode };
            return inner.ResolveAsync(context);
        });
        return field;
    }

    private const string GrantedKey = "troc:ownerAccessGranted";

    /// <summary>
    /// Lets the rest of this operation read <paramref name="userId"/>'s private fields although the request came
    /// without their token: the mutation itself just proved who is asking (a password at login, a mailed link).
    /// </summary>
    public static void GrantOwnerAccess(IResolveFieldContext context, Guid userId)
    {
        lock (context.UserContext)
        {
            var granted = context.UserContext.TryGetValue(GrantedKey, out var value) && value is Guid[] existing ? existing : [];
            context.UserContext[GrantedKey] = granted.Append(userId).ToArray();
        }
    }

    private static bool IsGranted(IResolveFieldContext context, Guid owner)
    {
        lock (context.UserContext)
            return context.UserContext.TryGetValue(GrantedKey, out var value) && value is Guid[] granted && granted.Contains(owner);
    }
}
