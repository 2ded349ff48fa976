using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Troc.Graph.Transport.Authorization;

/// <summary>
/// The access-token signing key: `Auth:SigningKey` when configured; in Development, generated once into
/// `.troc/jwt-signing.key` so tokens survive restarts; anywhere else, missing is a startup error (checked by
/// <see cref="SigningKeyStartupCheck"/>), never a silently generated key that would differ between replicas.
/// </summary>
public sealed class SigningKeyProvider(IOptions<AuthOptions> options, IHostEnvironment environment)
{
    public const int MinimumKeyBytes = 32;

    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(options.Value, environment));

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(AuthOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
            return new SymmetricSecurityKey(Decode(options.SigningKey, "Auth:SigningKey")) { KeyId = "configured" };
        if (environment.IsDevelopment())
            return new SymmetricSecurityKey(LoadOrCreateDevelopmentKey(ResolvePath(options.DevelopmentSigningKeyPath, environment.ContentRootPath))) { KeyId = "development" };
        throw new InvalidOperationException(
            $"Auth:SigningKey is not configured, and the {environment.EnvironmentName} environment does not generate one. " +
            "Set Auth__SigningKey to a secret of at least 256 bits, base64-encoded (for example `openssl rand -base64 32`), " +
            "the same on every replica.");
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] bytes;
        try { bytes = Convert.FromBase64String(base64.Trim()); }
        catch (FormatException) { throw new InvalidOperationException($"{source} is not base64. Generate one with `openssl rand -base64 32`."); }
        if (bytes.Length < MinimumKeyBytes)
            throw new InvalidOperationException($"{source} is {bytes.Length * 8} bits; HMAC-SHA256 needs at least {MinimumKeyBytes * 8}.");
        return bytes;
    }

    public static byte[] LoadOrCreateDevelopmentKey(string path)
    {
        if (File.Exists(path)) return Decode(File.ReadAllText(path), path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinimumKeyBytes);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }

    /// <summary>Relative paths are taken from the repository root (the folder with Troc.slnx), so `.troc/` is the one the toolbox uses.</summary>
    public static string ResolvePath(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path)) return path;
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Troc.slnx"))) return Path.Combine(dir.FullName, path);
        return Path.Combine(contentRoot, path);
    }
}

/// <summary>Fails the host's start, with the provider's message, when no signing key can be had.</summary>
internal sealed class SigningKeyStartupCheck(SigningKeyProvider keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = keys.Key;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
