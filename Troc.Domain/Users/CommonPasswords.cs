namespace Troc.Domain.Users;

/// <summary>The block list shipped in Users/Passwords (see its README for sources and licence), loaded once.</summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool Contains(string lowerCasePassword) => List.Value.Contains(lowerCasePassword);

    private static HashSet<string> Load()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { "Troc.Domain.Users.common-passwords.txt", "Troc.Domain.Users.common-passwords-fr.txt" })
        {
            using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"{name} is not embedded in Troc.Domain.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
                if (line.Trim() is { Length: > 0 } entry) set.Add(entry.ToLowerInvariant());
        }
        return set;
    }
}
