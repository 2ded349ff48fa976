namespace Troc.Domain.Users;

/// <summary>How long each kind of account secret stays valid; bound from configuration `Auth:*` by the host.</summary>
public sealed class AccountLifetimes
{
    public TimeSpan RefreshToken { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan EmailVerification { get; set; } = TimeSpan.FromHours(48);

    public TimeSpan PasswordReset { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan EmailChange { get; set; } = TimeSpan.FromHours(48);

    public TimeSpan Of(AccountTokenPurpose purpose) => purpose switch
    {
        AccountTokenPurpose.EmailVerification => EmailVerification,
        AccountTokenPurpose.PasswordReset => PasswordReset,
        AccountTokenPurpose.EmailChange => EmailChange,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };
}
