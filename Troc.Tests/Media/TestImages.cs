using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Troc.Tests.Media;

/// <summary>Pictures made on the spot with SkiaSharp, and hand-built headers and metadata blocks to hide in them.</summary>
public static class TestImages
{
    /// <summary>Left half red, right half blue: after a rotation, where the red went tells which way it turned.</summary>
    public static SKBitmap TwoTone(int width, int height, bool noise = false, byte alpha = 255)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, alpha == 255 ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var pixels = new byte[width * height * 4];
        var random = new Random(42);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var jitter = noise ? (byte)random.Next(0, 60) : (byte)0;
                var red = x < width / 2;
                var i = (y * width + x) * 4;
                pixels[i] = red ? (byte)(220 - jitter) : jitter;
                pixels[i + 1] = jitter;
                pixels[i + 2] = red ? jitter : (byte)(220 - jitter);
                pixels[i + 3] = alpha;
            }
        var bitmap = new SKBitmap(info);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        return bitmap;
    }

    public static byte[] Jpeg(int width, int height, bool noise = false)
    {
        using var bitmap = TwoTone(width, height, noise);
        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    public static byte[] Png(int width, int height, byte alpha = 255)
    {
        using var bitmap = TwoTone(width, height, alpha: alpha);
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    public static byte[] Webp(int width, int height)
    {
        using var bitmap = TwoTone(width, height);
        return Encode(bitmap, SKEncodedImageFormat.Webp);
    }

    public static byte[] Gif(int width, int height)
    {
        // SkiaSharp encodes no GIF: a minimal one by hand (header, screen descriptor, trailer) is enough to sniff.
        var bytes = new List<byte>("GIF89a"u8.ToArray());
        bytes.AddRange(BitConverter.GetBytes((ushort)width));
        bytes.AddRange(BitConverter.GetBytes((ushort)height));
        bytes.AddRange(new byte[] { 0, 0, 0, 0x3B });
        return bytes.ToArray();
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    public static SKBitmap Decode(byte[] encoded) => SKBitmap.Decode(encoded) ?? throw new InvalidOperationException("not decodable");

    /// <summary>
    /// Inserts, right after SOI, an EXIF APP1 segment (big-endian TIFF) with an orientation and a GPS position,
    /// an XMP APP1 segment repeating the position, and a comment: what a phone photo carries.
    /// </summary>
    public static byte[] WithMetadata(byte[] jpeg, ushort orientation, double latitude, double longitude)
    {
        var tiff = new List<byte>();
        void U16(int value) { var b = new byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value); tiff.AddRange(b); }
        void U32(long value) { var b = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, (uint)value); tiff.AddRange(b); }
        void Entry(int tag, int type, int count, long value) { U16(tag); U16(type); U32(count); U32(value); }
        const int Short = 3, Long = 4, Ascii = 2, Rational = 5;

        tiff.AddRange("MM"u8.ToArray()); U16(42); U32(8);
        // IFD0 at 8: orientation and the GPS IFD pointer; 2 + 2×12 + 4 = 30 bytes, so the GPS IFD starts at 38.
        U16(2);
        Entry(0x0112, Short, 1, (long)orientation << 16); // a SHORT sits in the first two bytes of the value field
        Entry(0x8825, Long, 1, 38);
        U32(0);
        // GPS IFD at 38: 2 + 4×12 + 4 = 54 bytes, so the rationals start at 92.
        U16(4);
        Entry(0x0001, Ascii, 2, (latitude >= 0 ? 'N' : 'S') << 24);
        Entry(0x0002, Rational, 3, 92);
        Entry(0x0003, Ascii, 2, (longitude >= 0 ? 'E' : 'W') << 24);
        Entry(0x0004, Rational, 3, 116);
        U32(0);
        foreach (var coordinate in new[] { Math.Abs(latitude), Math.Abs(longitude) })
        {
            var degrees = (int)coordinate;
            var minutes = (int)((coordinate - degrees) * 60);
            var seconds = (coordinate - degrees - minutes / 60.0) * 3600;
            U32(degrees); U32(1); U32(minutes); U32(1); U32((long)(seconds * 1000)); U32(1000);
        }

        var exif = Segment(0xE1, [.. "Exif\0\0"u8, .. tiff]);
        var xmp = Segment(0xE1, Encoding.UTF8.GetBytes(
            "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + $"<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"{latitude}\" exif:GPSLongitude=\"{longitude}\"/>"
            + "</rdf:RDF></x:xmpmeta>"));
        var comment = Segment(0xFE, Encoding.UTF8.GetBytes("Pris chez moi, 12 rue des Lilas"));
        return [.. jpeg[..2], .. exif, .. xmp, .. comment, .. jpeg[2..]];
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. payload];
    }

    /// <summary>A PNG that declares width × height in its IHDR and holds no pixel data: a decompression bomb's header.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        return [0x89, .. "PNG\r\n\x1A\n"u8, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var result = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(result, (uint)data.Length);
        typeBytes.CopyTo(result, 4);
        data.CopyTo(result, 8);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return result;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The markers of a JPEG's segments before its scan data (APP0 = 0xE0, APP1 = 0xE1, COM = 0xFE…).</summary>
    public static List<byte> JpegMarkers(byte[] jpeg)
    {
        Assert.True(jpeg[0] == 0xFF && jpeg[1] == 0xD8, "not a JPEG");
        var markers = new List<byte>();
        var position = 2;
        while (position + 4 <= jpeg.Length && jpeg[position] == 0xFF)
        {
            var marker = jpeg[position + 1];
            markers.Add(marker);
            if (marker == 0xDA) break;
            position += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
        }
        return markers;
    }

    /// <summary>The chunk names of a WebP file (VP8, VP8L, VP8X, ALPH, EXIF, XMP, ICCP…).</summary>
    public static List<string> WebpChunks(byte[] webp)
    {
        Assert.Equal("RIFF", Encoding.ASCII.GetString(webp, 0, 4));
        Assert.Equal("WEBP", Encoding.ASCII.GetString(webp, 8, 4));
        var chunks = new List<string>();
        var position = 12;
        while (position + 8 <= webp.Length)
        {
            chunks.Add(Encoding.ASCII.GetString(webp, position, 4));
            var size = BinaryPrimitives.ReadInt32LittleEndian(webp.AsSpan(position + 4));
            position += 8 + size + (size & 1);
        }
        return chunks;
    }

    /// <summary>Fails if the file holds any metadata block: EXIF, XMP, ICC profile or comment, in any form.</summary>
    public static void AssertNoMetadata(byte[] encoded)
    {
        if (encoded[0] == 0xFF)
        {
            var markers = JpegMarkers(encoded);
            var metadata = markers.Where(marker => marker is >= 0xE1 and <= 0xEF or 0xFE).ToList();
            Assert.True(metadata.Count == 0, $"metadata segments left: {string.Join(", ", metadata.Select(m => $"0xFF{m:X2}"))}");
        }
        else
        {
            var chunks = WebpChunks(encoded);
            Assert.DoesNotContain("EXIF", chunks);
            Assert.DoesNotContain("XMP ", chunks);
            Assert.DoesNotContain("ICCP", chunks);
        }
        foreach (var needle in new[] { "Exif\0\0", "http://ns.adobe.com/xap", "ICC_PROFILE", "GPSLatitude", "rue des Lilas" })
            Assert.True(encoded.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) < 0, $"'{needle.TrimEnd('\0')}' found in the stored bytes");
    }
}
