using Microsoft.AspNetCore.Identity;

namespace Troc.Domain.Users;

/// <summary>ASP.NET Core Identity's PasswordHasher (PBKDF2, format versioned inside the hash).</summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<User> _hasher = new();

    // Verifying against this when no account matches costs what a real check costs, so response time does not
    // tell whether an address has an account.
    private readonly Lazy<string> _decoyHash;

    public PasswordHashing() => _decoyHash = new(() => _hasher.HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Verify(User user, string password) =>
        _hasher.VerifyHashedPassword(user, user.PasswordHash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Valid,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.ValidButOutdatedHash,
            _ => PasswordCheck.Invalid,
        };

    /// <summary>Burns the time of one verification, for an unknown account.</summary>
    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(null!, _decoyHash.Value, password);
}

public enum PasswordCheck
{
    Invalid,
    Valid,

    /// <summary>Right password, but hashed in an older format (or fewer iterations): rehash it now that we have it.</summary>
    ValidButOutdatedHash,
}
