using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Troc.Domain.Media;

/// <summary>
/// Names of stored objects: <c>{32 hex chars}-{size}.{jpg|webp}</c>, made of a random id and our own words only.
/// Nothing the client sent (file name, type) ever reaches a path or key, and a name that does not match exactly is
/// refused before any store is asked, so no name can climb out of the store's folder.
/// </summary>
public static partial class MediaNames
{
    /// <summary>How long anyone may cache a stored object: a year, never revalidated, since a name's bytes never change.</summary>
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string For(string id, ImageSize size, ImageEncoding encoding)
    {
        if (!IdPattern().IsMatch(id)) throw new ArgumentException($"'{id}' is not an image id.", nameof(id));
        return $"{id}-{size.Slug()}.{encoding.Extension()}";
    }

    public static bool IsValid([NotNullWhen(true)] string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>The content type a valid name is served with.</summary>
    public static string ContentType(string name) =>
        name.EndsWith(".webp", StringComparison.Ordinal) ? ImageEncoding.Webp.ContentType() : ImageEncoding.Jpeg.ContentType();

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9a-f]{32}-(thumbnail|card|full)\\.(jpg|webp)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
