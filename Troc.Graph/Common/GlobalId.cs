using System.Buffers.Text;
using System.Text;

namespace Troc.Graph.Common;

/// <summary>
/// Relay global ids: "{TypeName}:{key}" in unpadded base64url, opaque to clients on purpose so that keys can
/// change shape without breaking them.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, object key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{key}"));

    /// <summary>Decodes an id, or returns false for anything that is not one of ours (never throws on bad input).</summary>
    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        typeName = key = "";
        if (string.IsNullOrEmpty(id) || id.Length > 200) return false;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(id); }
        catch (FormatException) { return false; }
        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return false;
        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }

    public static bool TryDecode(string? id, string expectedTypeName, out string key) =>
        TryDecode(id, out var typeName, out key) && typeName == expectedTypeName;

    public static bool TryDecodeInt(string? id, string expectedTypeName, out int key)
    {
        key = 0;
        return TryDecode(id, expectedTypeName, out var text) && int.TryParse(text, out key);
    }

    public static bool TryDecodeGuid(string? id, string expectedTypeName, out Guid key)
    {
        key = Guid.Empty;
        return TryDecode(id, expectedTypeName, out var text) && Guid.TryParseExact(text, "N", out key);
    }
}
