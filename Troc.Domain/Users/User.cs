namespace Troc.Domain.Users;

/// <summary>
/// Someone with a Troc account. Guards its own sign-in state (lockout, suspension, email verification);
/// secrets live elsewhere: the password only as a hash, tokens in <see cref="UserSession"/> and <see cref="AccountToken"/>.
/// </summary>
public sealed class User
{
    public const int DisplayNameMaxLength = 50;

    private User() { }

    public User(Guid id, string email, string displayName, string passwordHash, DateTime now)
    {
        Id = id;
        Email = email;
        DisplayName = displayName;
        PasswordHash = passwordHash;
        CreatedAt = now;
        PasswordChangedAt = now;
        Role = UserRole.Member;
    }

    public Guid Id { get; private set; }

    /// <summary>Normalised (trimmed, lower case) and unique: see <see cref="EmailAddress"/>.</summary>
    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    /// <summary>ASP.NET Core Identity's PasswordHasher format (algorithm and iteration count are inside).</summary>
    public string PasswordHash { get; private set; } = "";

    public UserRole Role { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime PasswordChangedAt { get; private set; }

    public DateTime? EmailVerifiedAt { get; private set; }

    /// <summary>An address asked for by changeEmail, which becomes <see cref="Email"/> once its owner proves it is theirs.</summary>
    public string? PendingEmail { get; private set; }

    public DateTime? SuspendedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    /// <summary>Wrong passwords in a row since the last successful sign-in or lockout.</summary>
    public int FailedLoginCount { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public bool IsEmailVerified => EmailVerifiedAt is not null;

    public bool IsSuspended => SuspendedAt is not null;

    public bool IsLockedOut(DateTime now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a wrong password; the <paramref name="maxFailures"/>-th in a row locks the account for <paramref name="lockout"/>.</summary>
    public void RecordFailedLogin(DateTime now, int maxFailures, TimeSpan lockout)
    {
        FailedLoginCount++;
        if (FailedLoginCount >= maxFailures)
        {
            LockedUntil = now + lockout;
            // The next lockout needs a full series of failures again, not just one more.
            FailedLoginCount = 0;
        }
    }

    public void RecordSuccessfulLogin()
    {
        FailedLoginCount = 0;
        LockedUntil = null;
    }

    /// <summary>Replaces the hash without a password change: the hasher's format was upgraded.</summary>
    public void UpgradePasswordHash(string passwordHash) => PasswordHash = passwordHash;

    public void ChangePassword(string passwordHash, DateTime now)
    {
        PasswordHash = passwordHash;
        PasswordChangedAt = now;
        // Whoever can set a new password may sign in with it at once.
        FailedLoginCount = 0;
        LockedUntil = null;
    }

    public void MarkEmailVerified(DateTime now) => EmailVerifiedAt ??= now;

    public void RequestEmailChange(string newEmail) => PendingEmail = newEmail;

    /// <summary>The new address was proven by a link sent to it: it replaces the old one, verified.</summary>
    public void ConfirmEmailChange(string newEmail, DateTime now)
    {
        Email = newEmail;
        EmailVerifiedAt = now;
        if (PendingEmail == newEmail) PendingEmail = null;
    }

    public void Suspend(string reason, DateTime now)
    {
        SuspendedAt ??= now;
        SuspensionReason = reason;
    }

    public void Reinstate()
    {
        SuspendedAt = null;
        SuspensionReason = null;
    }

    public void PromoteToAdmin() => Role = UserRole.Admin;
}

/// <summary>What a user may do beyond their own things.</summary>
public enum UserRole
{
    /// <summary>Everyone who signed up.</summary>
    Member,

    /// <summary>Moderators and operators: may read private fields and suspend accounts.</summary>
    Admin,
}
