using System.Buffers.Binary;
using System.Text;

namespace Troc.Domain.Media;

/// <summary>The kinds of file the first bytes can reveal.</summary>
public enum ImageContainer
{
    Unknown,
    Jpeg,
    Png,
    Webp,

    /// <summary>A picture in a format Troc does not take; <see cref="ImageHeader.FormatName"/> names it.</summary>
    Other,
}

/// <summary>
/// What the first bytes of a file say: its format by magic number, and its dimensions where the header holds them.
/// Read before any decoder runs, so that a 30,000 × 30,000 PNG of a few bytes is refused without allocating a pixel.
/// </summary>
public readonly record struct ImageHeader(ImageContainer Container, string FormatName, int? Width, int? Height)
{
    public static ImageHeader Read(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return WithSize(ImageContainer.Jpeg, "JPEG", JpegSize(data));
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return WithSize(ImageContainer.Png, "PNG", PngSize(data));
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
            return WithSize(ImageContainer.Webp, "WebP", WebpSize(data));
        return OtherFormat(data) is { } other
            ? new ImageHeader(ImageContainer.Other, other, null, null)
            : new ImageHeader(ImageContainer.Unknown, "", null, null);
    }

    private static ImageHeader WithSize(ImageContainer container, string name, (int Width, int Height)? size) =>
        new(container, name, size?.Width, size?.Height);

    /// <summary>Width and height of the first SOF frame header, skipping the APPn, DQT, DHT… segments before it.</summary>
    private static (int, int)? JpegSize(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF) return null;
            var marker = data[position + 1];
            if (marker == 0xFF) { position++; continue; } // fill byte
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { position += 2; continue; } // markers without a length
            if (marker is 0xD9 or 0xDA) return null; // end of image, or scan data before any frame header
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            var isFrameHeader = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrameHeader)
            {
                if (position + 9 > data.Length) return null;
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]);
                return (width, height);
            }
            position += 2 + length;
        }
        return null;
    }

    /// <summary>The IHDR chunk, which the PNG spec requires first.</summary>
    private static (int, int)? PngSize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 24 || !data[12..16].SequenceEqual("IHDR"u8)) return null;
        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        return ((int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue));
    }

    /// <summary>The first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended, with the canvas size).</summary>
    private static (int, int)? WebpSize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30) return null;
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8 "u8) && data[23] == 0x9D && data[24] == 0x01 && data[25] == 0x2A)
            return (BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        if (chunk.SequenceEqual("VP8L"u8) && data[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return (Read24(data[24..]) + 1, Read24(data[27..]) + 1);
        return null;
    }

    private static int Read24(ReadOnlySpan<byte> bytes) => bytes[0] | bytes[1] << 8 | bytes[2] << 16;

    /// <summary>Pictures we recognise only to say which format was refused: a better message than "not an image".</summary>
    private static string? OtherFormat(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)) return "GIF";
        if (data.StartsWith("BM"u8) && data.Length >= 26) return "BMP";
        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8)) return "TIFF";
        if (data.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0x00]) && data.Length >= 22) return "ICO";
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A]) || data.StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x0C, (byte)'J', (byte)'X', (byte)'L', (byte)' '])) return "JPEG XL";
        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(data[8..12]);
            if (brand is "avif" or "avis") return "AVIF";
            if (brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1") return "HEIC";
        }
        var head = Encoding.UTF8.GetString(data[..Math.Min(data.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<svg", StringComparison.OrdinalIgnoreCase))
            return "SVG";
        return null;
    }
}
