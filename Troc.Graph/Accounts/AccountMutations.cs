using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Domain.Users;
using Troc.Graph.Abuse;
using Troc.Graph.Common;
using Troc.Graph.Transport.Authorization;
using Troc.Graph.Users;

namespace Troc.Graph.Accounts;

/// <summary>Sign-up, sign-in, sessions, email verification and password management: the domain's <see cref="AccountService"/>, its violations turned into payload errors by <see cref="AccountErrors"/>.</summary>
public sealed class AccountMutations
{
    [GraphQLMetadata("register")]
    [Description("Creates an account and signs it in. A verification link is mailed to the address; the account works before it is opened. Rate limited per IP and per address.")]
    [OutputType(typeof(NonNullGraphType<RegisterPayloadType>))]
    public static async Task<RegisterPayload> Register(
        [InputType(typeof(NonNullGraphType<RegisterInputType>)), Description("The new account's email, password and display name.")] RegisterInput input,
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.RegisterAsync(input.Email, input.Password, input.DisplayName, ClientAddress.Of(context), cancellationToken);
        return GrantOwnerAccess(context, new RegisterPayload(result.User, result.AccessToken, result.RefreshToken, AccountErrors.From(result.Violations)));
    }

    [GraphQLMetadata("login")]
    [Description("Signs in with email and password, starting a new session. Repeated wrong passwords lock the account for a while. Rate limited per IP and per address.")]
    [OutputType(typeof(NonNullGraphType<LoginPayloadType>))]
    public static async Task<LoginPayload> Login(
        [InputType(typeof(NonNullGraphType<LoginInputType>)), Description("The account's credentials.")] LoginInput input,
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.LoginAsync(input.Email, input.Password, ClientAddress.Of(context), cancellationToken);
        return GrantOwnerAccess(context, new LoginPayload(result.User, result.AccessToken, result.RefreshToken, AccountErrors.From(result.Violations)));
    }

    [GraphQLMetadata("refreshToken")]
    [Description("Exchanges a refresh token for a new access token and the next refresh token. Each refresh token works once: presenting a used one again ends its whole session (it was copied).")]
    [OutputType(typeof(NonNullGraphType<RefreshTokenPayloadType>))]
    public static async Task<RefreshTokenPayload> RefreshToken(
        [InputType(typeof(NonNullGraphType<RefreshTokenInputType>)), Description("The refresh token to exchange.")] RefreshTokenInput input,
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.RefreshAsync(input.RefreshToken, ClientAddress.Of(context), cancellationToken);
        return GrantOwnerAccess(context, new RefreshTokenPayload(result.User, result.AccessToken, result.RefreshToken, AccountErrors.From(result.Violations)));
    }

    [GraphQLMetadata("logout")]
    [Description("Ends the session the refresh token belongs to: its refresh and access tokens stop working.")]
    [OutputType(typeof(NonNullGraphType<LogoutPayloadType>))]
    public static async Task<LogoutPayload> Logout(
        [InputType(typeof(NonNullGraphType<LogoutInputType>)), Description("The session's current refresh token.")] LogoutInput input,
        [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        var violations = await accounts.LogoutAsync(input.RefreshToken, cancellationToken);
        return new LogoutPayload(violations.Count == 0, AccountErrors.From(violations));
    }

    [GraphQLMetadata("logoutEverywhere")]
    [Description("Ends every session of the signed-in member, this one included, and closes their open WebSockets on every server. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<LogoutEverywherePayloadType>))]
    public static async Task<LogoutEverywherePayload> LogoutEverywhere(
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken) =>
        new(await accounts.LogoutEverywhereAsync(SignedInUserId(context), cancellationToken));

    [GraphQLMetadata("verifyEmail")]
    [Description("Confirms an email address with the token of a link mailed by `register`, `resendVerificationEmail` or `changeEmail` (48 h, single use). Works signed in or not.")]
    [OutputType(typeof(NonNullGraphType<VerifyEmailPayloadType>))]
    public static async Task<VerifyEmailPayload> VerifyEmail(
        [InputType(typeof(NonNullGraphType<VerifyEmailInputType>)), Description("The token from the link.")] VerifyEmailInput input,
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.VerifyEmailAsync(input.Token, cancellationToken);
        return GrantOwnerAccess(context, new VerifyEmailPayload(result.User, AccountErrors.From(result.Violations)));
    }

    [GraphQLMetadata("resendVerificationEmail")]
    [Description("Mails a new verification link to the signed-in member's address. Rate limited per IP and per account. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<ResendVerificationEmailPayloadType>))]
    public static async Task<ResendVerificationEmailPayload> ResendVerificationEmail(
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.ResendVerificationEmailAsync(SignedInUserId(context), ClientAddress.Of(context), cancellationToken);
        return new ResendVerificationEmailPayload(result.User, AccountErrors.From(result.Violations));
    }

    [GraphQLMetadata("requestPasswordReset")]
    [Description("Mails a password reset link (1 h, single use) if an account uses the address. Answers the same way, in about the same time, whether or not one does. Rate limited per IP and per address.")]
    [OutputType(typeof(NonNullGraphType<RequestPasswordResetPayloadType>))]
    public static async Task<RequestPasswordResetPayload> RequestPasswordReset(
        [InputType(typeof(NonNullGraphType<RequestPasswordResetInputType>)), Description("The account's address.")] RequestPasswordResetInput input,
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        var violations = await accounts.RequestPasswordResetAsync(input.Email, ClientAddress.Of(context), cancellationToken);
        return new RequestPasswordResetPayload(violations.Count == 0, AccountErrors.From(violations));
    }

    [GraphQLMetadata("resetPassword")]
    [Description("Sets a new password with the token of a reset link. Every session of the account ends: sign in again with the new password.")]
    [OutputType(typeof(NonNullGraphType<ResetPasswordPayloadType>))]
    public static async Task<ResetPasswordPayload> ResetPassword(
        [InputType(typeof(NonNullGraphType<ResetPasswordInputType>)), Description("The token from the link and the new password.")] ResetPasswordInput input,
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.ResetPasswordAsync(input.Token, input.NewPassword, cancellationToken);
        return GrantOwnerAccess(context, new ResetPasswordPayload(result.User, AccountErrors.From(result.Violations)));
    }

    [GraphQLMetadata("changePassword")]
    [Description("Changes the signed-in member's password. Their other sessions end; this one stays. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<ChangePasswordPayloadType>))]
    public static async Task<ChangePasswordPayload> ChangePassword(
        [InputType(typeof(NonNullGraphType<ChangePasswordInputType>)), Description("The current and the new password.")] ChangePasswordInput input,
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.ChangePasswordAsync(
            SignedInUserId(context), context.User!.SessionIdOf(), input.CurrentPassword, input.NewPassword, cancellationToken);
        return new ChangePasswordPayload(result.User, AccountErrors.From(result.Violations));
    }

    [GraphQLMetadata("changeEmail")]
    [Description("Starts moving the account to a new address: a confirmation link goes to it (see `User.pendingEmail`), a notice to the old one. The change happens when the link is opened with `verifyEmail`. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<ChangeEmailPayloadType>))]
    public static async Task<ChangeEmailPayload> ChangeEmail(
        [InputType(typeof(NonNullGraphType<ChangeEmailInputType>)), Description("The new address and the current password.")] ChangeEmailInput input,
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.ChangeEmailAsync(SignedInUserId(context), input.NewEmail, input.Password, ClientAddress.Of(context), cancellationToken);
        return new ChangeEmailPayload(result.User, AccountErrors.From(result.Violations));
    }

    [GraphQLMetadata("suspendUser")]
    [Description("Suspends a member: every session ends and they can no longer sign in. Requires: admin.")]
    [Authorize(Policies.Admin)]
    [OutputType(typeof(NonNullGraphType<SuspendUserPayloadType>))]
    public static async Task<SuspendUserPayload> SuspendUser(
        [InputType(typeof(NonNullGraphType<SuspendUserInputType>)), Description("Whom to suspend, and why.")] SuspendUserInput input,
        IResolveFieldContext context, [FromServices] AccountService accounts, CancellationToken cancellationToken)
    {
        // An id that is not a member's is "no such member", exactly like a member that does not exist.
        var result = GlobalId.TryDecodeGuid(input.UserId, UserType.TypeName, out var userId)
            ? await accounts.SuspendUserAsync(SignedInUserId(context), userId, input.Reason, cancellationToken)
            : AccountResult.Failed(AccountViolations.MemberNotFound);
        return new SuspendUserPayload(result.User, AccountErrors.From(result.Violations));
    }

    // The SignedIn policy has already refused anonymous callers before execution; reaching here without one is a bug.
    private static Guid SignedInUserId(IResolveFieldContext context) =>
        context.User.UserId() ?? throw new InvalidOperationException("A signed-in operation ran without a signed-in user.");

    // The caller proved who they are inside this mutation (password, mailed link), without a token yet: the
    // returned user's private fields are theirs to read.
    private static TPayload GrantOwnerAccess<TPayload>(IResolveFieldContext context, TPayload payload) where TPayload : class
    {
        var user = payload switch
        {
            SignInPayload signIn => signIn.User,
            UserPayload changed => changed.User,
            _ => null,
        };
        if (user is not null) PrivateFields.GrantOwnerAccess(context, user.Id);
        return payload;
    }
}
