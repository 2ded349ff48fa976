namespace Troc.Domain.Users;

/// <summary>How accounts hold out against guessing and probing; bound from configuration (`Abuse:Lockout`, `Auth:*`) by the host.</summary>
public sealed class AccountDefenses
{
    /// <summary>Wrong passwords in a row that lock the account.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// requestPasswordReset never answers faster than this, whether or not the account exists, so that response time
    /// says nothing about which addresses have accounts.
    /// </summary>
    public TimeSpan PasswordResetMinimumResponseTime { get; set; } = TimeSpan.FromMilliseconds(300);
}
