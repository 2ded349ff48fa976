using System.Text.Json;

namespace Troc.Graph.Transport.Http;

/// <summary>
/// JSON may escape half of a surrogate pair (<c>"\ud800"</c>): the parser accepts it, but System.Text.Json refuses to
/// turn it into a string, and throws wherever the string is read next (the request reader, the variables' converter,
/// a resolver). Bodies are checked once, right after parsing, so that such a string is refused as malformed JSON
/// naming where it sits, instead of failing later as a server error.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>Describes the first string or property name holding a lone surrogate; null when there is none.</summary>
    public static string? Find(JsonElement root) => FindIn(root) is { } found
        ? $"{(found.InName ? "a property name in" : "the string at")} ${found.Path} holds a lone UTF-16 surrogate "
            + @"(an unpaired \ud800-\udfff escape); strings must be valid Unicode."
        : null;

    // The path is built on the way back up, so that only a refused body pays for it.
    private static Found? FindIn(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsReadable(element) ? null : new Found("", InName: false);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindIn(item) is { } found) return found with { Path = $"[{index}]{found.Path}" };
                    index++;
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (NameOf(property) is not { } name) return new Found("", InName: true);
                    if (FindIn(property.Value) is { } found) return found with { Path = $".{name}{found.Path}" };
                }
                return null;
            default:
                return null;
        }
    }

    // System.Text.Json offers no non-throwing way to ask; InvalidOperationException is its answer for exactly this.
    private static bool IsReadable(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private sealed record Found(string Path, bool InName);
}
