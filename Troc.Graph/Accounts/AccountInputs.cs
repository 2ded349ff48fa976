using System.ComponentModel;
using GraphQL;
using GraphQL.Types;

namespace Troc.Graph.Accounts;

public sealed class RegisterInput
{
    [Description("The address to sign in with; a verification link is mailed to it. Case and surrounding spaces are ignored.")]
    public string Email { get; set; } = "";

    [Description("At least 10 characters, not containing the email, not among the most common passwords. A short sentence works well.")]
    public string Password { get; set; } = "";

    [Description("The name shown to other members, 2 to 50 characters.")]
    public string DisplayName { get; set; } = "";
}

public sealed class RegisterInputType : AutoRegisteringInputObjectGraphType<RegisterInput>
{
    public RegisterInputType() => Description = "What `register` needs to create an account.";
}

public sealed class LoginInput
{
    [Description("The account's email address. Case and surrounding spaces are ignored.")]
    public string Email { get; set; } = "";

    [Description("The account's password.")]
    public string Password { get; set; } = "";
}

public sealed class LoginInputType : AutoRegisteringInputObjectGraphType<LoginInput>
{
    public LoginInputType() => Description = "Credentials for `login`.";
}

public sealed class RefreshTokenInput
{
    [Description("The refresh token from the last sign-in or refresh. It is consumed: keep the new one from the payload.")]
    public string RefreshToken { get; set; } = "";
}

public sealed class RefreshTokenInputType : AutoRegisteringInputObjectGraphType<RefreshTokenInput>
{
    public RefreshTokenInputType() => Description = "The refresh token to exchange for a new access token and refresh token.";
}

public sealed class LogoutInput
{
    [Description("The current refresh token of the session to end.")]
    public string RefreshToken { get; set; } = "";
}

public sealed class LogoutInputType : AutoRegisteringInputObjectGraphType<LogoutInput>
{
    public LogoutInputType() => Description = "Which session `logout` ends.";
}

public sealed class VerifyEmailInput
{
    [Description("The `token` parameter of the link mailed by `register`, `resendVerificationEmail` or `changeEmail`.")]
    public string Token { get; set; } = "";
}

public sealed class VerifyEmailInputType : AutoRegisteringInputObjectGraphType<VerifyEmailInput>
{
    public VerifyEmailInputType() => Description = "The token from an email verification link.";
}

public sealed class RequestPasswordResetInput
{
    [Description("The address of the account whose password was forgotten.")]
    public string Email { get; set; } = "";
}

public sealed class RequestPasswordResetInputType : AutoRegisteringInputObjectGraphType<RequestPasswordResetInput>
{
    public RequestPasswordResetInputType() => Description = "Where to send a password reset link.";
}

public sealed class ResetPasswordInput
{
    [Description("The `token` parameter of the link mailed by `requestPasswordReset`.")]
    public string Token { get; set; } = "";

    [Description("The new password, under the same rules as at registration.")]
    public string NewPassword { get; set; } = "";
}

public sealed class ResetPasswordInputType : AutoRegisteringInputObjectGraphType<ResetPasswordInput>
{
    public ResetPasswordInputType() => Description = "A reset token and the new password.";
}

public sealed class ChangePasswordInput
{
    [Description("The password in use now, to prove it is really the owner asking.")]
    public string CurrentPassword { get; set; } = "";

    [Description("The new password, under the same rules as at registration.")]
    public string NewPassword { get; set; } = "";
}

public sealed class ChangePasswordInputType : AutoRegisteringInputObjectGraphType<ChangePasswordInput>
{
    public ChangePasswordInputType() => Description = "The current and the new password.";
}

public sealed class ChangeEmailInput
{
    [Description("The address to switch to; it takes effect once the link mailed to it is opened.")]
    public string NewEmail { get; set; } = "";

    [Description("The account's current password.")]
    public string Password { get; set; } = "";
}

public sealed class ChangeEmailInputType : AutoRegisteringInputObjectGraphType<ChangeEmailInput>
{
    public ChangeEmailInputType() => Description = "The new email address and the password that authorises the change.";
}

public sealed class SuspendUserInput
{
    [Id]
    [Description("Global id of the member to suspend.")]
    public string UserId { get; set; } = "";

    [Description("Why, for the moderation record (up to 500 characters).")]
    public string Reason { get; set; } = "";
}

public sealed class SuspendUserInputType : AutoRegisteringInputObjectGraphType<SuspendUserInput>
{
    public SuspendUserInputType() => Description = "Whom `suspendUser` suspends, and why.";
}
