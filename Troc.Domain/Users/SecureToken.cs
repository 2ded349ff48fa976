using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Troc.Domain.Users;

/// <summary>
/// Bearer secrets handed to clients (refresh tokens, links in emails): 256 random bits, base64url. Only their
/// SHA-256 is stored, so a database leak yields nothing usable; SHA-256 without salt is enough for 256 random bits.
/// </summary>
public static class SecureToken
{
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Rejects what cannot be one of ours before touching the database (and 10 MB strings).</summary>
    public static bool HasValidShape(string? token) => token is { Length: 43 } && Base64Url.IsValid(token);
}
