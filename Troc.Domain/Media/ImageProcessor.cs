using System.Buffers;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Troc.Domain.Media;

/// <summary>
/// Turns an upload into Troc's renditions of it. The format is recognised from the bytes (magic number, then the
/// decoder), never from a name or declared type; dimensions are checked from the header before a pixel is decoded;
/// the EXIF orientation is applied; and every rendition is re-encoded from bare pixels, so no metadata block (EXIF
/// with its GPS position, XMP, ICC profile, comments) survives.
/// </summary>
public sealed class ImageProcessor(IOptions<ImageProcessingOptions> options)
{
    private ImageProcessingOptions Limits => options.Value;

    /// <summary>Reads the upload (at most the file limit, refusing more) and processes it.</summary>
    public async Task<ImageProcessingResult> ProcessAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadBoundedAsync(content, Limits.MaxFileBytes, cancellationToken);
        return bytes is null ? ImageFailure.FileTooLarge(Limits.MaxFileBytes) : Process(bytes);
    }

    public ImageProcessingResult Process(byte[] content)
    {
        if (content.LongLength > Limits.MaxFileBytes)
            return ImageFailure.FileTooLarge(Limits.MaxFileBytes);
        var header = ImageHeader.Read(content);
        switch (header.Container)
        {
            case ImageContainer.Unknown:
                return ImageFailure.NotAnImage();
            case ImageContainer.Other:
                return ImageFailure.UnsupportedFormat(header.FormatName);
        }
        if (header is { Width: { } headerWidth, Height: { } headerHeight } && TooLarge(headerWidth, headerHeight))
            return ImageFailure.ImageTooLarge(headerWidth, headerHeight, Limits);

        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
            return ImageFailure.CorruptImage();
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            return ImageFailure.UnsupportedFormat(codec.EncodedFormat.ToString().ToUpperInvariant());
        var info = codec.Info;
        // The decoder's reading of the header is the one that decides the allocation: check it too.
        if (info.Width <= 0 || info.Height <= 0)
            return ImageFailure.CorruptImage();
        if (TooLarge(info.Width, info.Height))
            return ImageFailure.ImageTooLarge(info.Width, info.Height, Limits);

        using var decoded = Decode(codec, ImageSize.Full.LongestSide());
        if (decoded is null)
            return ImageFailure.CorruptImage();

        // Every size is fitted to the original's proportions, not to the rendition above it, so rounding never drifts.
        var swapsSides = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (originalWidth, originalHeight) = swapsSides ? (info.Height, info.Width) : (info.Width, info.Height);
        var hasAlpha = HasTransparency(decoded);
        var encoding = hasAlpha ? ImageEncoding.Webp : ImageEncoding.Jpeg;

        // Resize before rotating: the longest side is the same either way, and rotating 1600 px is cheaper than 12,000.
        var fullTarget = Fit(info.Width, info.Height, ImageSize.Full.LongestSide());
        using var fullUnrotated = Resize(decoded, fullTarget);
        using var full = Orient(fullUnrotated ?? decoded, codec.EncodedOrigin);
        var source = full ?? fullUnrotated ?? decoded;

        var renditions = new List<ProcessedRendition>(3);
        var bitmaps = new List<SKBitmap>();
        try
        {
            var previous = source;
            foreach (var size in ImageSizes.All.Reverse())
            {
                var target = Fit(originalWidth, originalHeight, size.LongestSide());
                var resized = Resize(previous, target);
                if (resized is not null) bitmaps.Add(resized);
                var bitmap = resized ?? previous;
                renditions.Insert(0, new ProcessedRendition(size, Encode(bitmap, encoding, hasAlpha), bitmap.Width, bitmap.Height));
                // Each smaller size comes from the one above: better filtering than one big jump, and less work.
                previous = bitmap;
            }
        }
        finally
        {
            foreach (var bitmap in bitmaps) bitmap.Dispose();
        }
        return ImageProcessingResult.Success(new ProcessedImage(encoding, renditions));
    }

    private bool TooLarge(int width, int height) =>
        width > Limits.MaxSide || height > Limits.MaxSide || (long)width * height > Limits.MaxPixels;

    /// <summary>
    /// Decodes to sRGB pixels (converting from any embedded colour profile), at the smallest scale the codec offers
    /// that still covers <paramref name="wantedLongestSide"/> (JPEG decodes at 1/2, 1/4, 1/8 for free). Null when the
    /// data stops early or is damaged: a truncated JPEG decodes "successfully" into grey, which we do not keep.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, int wantedLongestSide)
    {
        var info = codec.Info;
        var longest = Math.Max(info.Width, info.Height);
        var dimensions = info.Size;
        if (longest > wantedLongestSide)
        {
            var scaled = codec.GetScaledDimensions((float)wantedLongestSide / longest);
            if (Math.Max(scaled.Width, scaled.Height) >= wantedLongestSide) dimensions = scaled;
        }
        var alphaType = info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var decodeInfo = new SKImageInfo(dimensions.Width, dimensions.Height, SKColorType.Rgba8888, alphaType, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
        if (result == SKCodecResult.InvalidScale && dimensions != info.Size)
        {
            bitmap.Dispose();
            decodeInfo = decodeInfo.WithSize(info.Width, info.Height);
            bitmap = new SKBitmap(decodeInfo);
            result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
        }
        if (result == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        return null;
    }

    private static bool HasTransparency(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque) return false;
        var pixels = bitmap.GetPixelSpan();
        for (var row = 0; row < bitmap.Height; row++)
        {
            var line = pixels.Slice(row * bitmap.RowBytes, bitmap.Width * 4);
            for (var alpha = 3; alpha < line.Length; alpha += 4)
                if (line[alpha] != 255) return true;
        }
        return false;
    }

    /// <summary>The size with the given longest side and the same aspect ratio.</summary>
    private static SKSizeI Fit(int width, int height, int longestSide)
    {
        if (Math.Max(width, height) <= longestSide) return new SKSizeI(width, height);
        return width >= height
            ? new SKSizeI(longestSide, Math.Max(1, (int)Math.Round((double)height * longestSide / width)))
            : new SKSizeI(Math.Max(1, (int)Math.Round((double)width * longestSide / height)), longestSide);
    }

    /// <summary>
    /// A resized copy, or null when the bitmap already has that size. Halves with bilinear sampling (exactly a 2×2
    /// average at that scale) while the target is at most half as large, then takes the last, smaller-than-2× step
    /// bilinearly too: mipmapped or cubic sampling looks about the same here but costs 10–50× more in Skia's
    /// software renderer, and a request may carry ten photos.
    /// </summary>
    private static SKBitmap? Resize(SKBitmap source, SKSizeI size)
    {
        if (source.Width == size.Width && source.Height == size.Height) return null;
        var current = source;
        while (current.Width / 2 >= size.Width && current.Height / 2 >= size.Height)
        {
            var half = Draw(current, new SKSizeI(current.Width / 2, current.Height / 2), new SKSamplingOptions(SKFilterMode.Linear));
            if (current != source) current.Dispose();
            current = half;
        }
        if (current.Width == size.Width && current.Height == size.Height) return current;
        var resized = Draw(current, size, new SKSamplingOptions(SKFilterMode.Linear));
        if (current != source) current.Dispose();
        return resized;
    }

    private static SKBitmap Draw(SKBitmap source, SKSizeI size, SKSamplingOptions sampling)
    {
        var resized = new SKBitmap(source.Info.WithSize(size.Width, size.Height));
        using var canvas = new SKCanvas(resized);
        using var image = SKImage.FromBitmap(source);
        canvas.Clear(SKColors.Transparent);
        canvas.DrawImage(image, new SKRect(0, 0, size.Width, size.Height), sampling);
        return resized;
    }

    /// <summary>
    /// Applies the EXIF orientation to the pixels, since the re-encoded file has no EXIF left to say it. Null when
    /// the orientation is already the natural one.
    /// </summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        // Each matrix maps a source pixel to where it is seen: 2–4 flip or turn in place, 5–8 swap width and height.
        SKMatrix? transform = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (transform is null) return null;
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var oriented = new SKBitmap(source.Info.WithSize(swaps ? h : w, swaps ? w : h));
        using var canvas = new SKCanvas(oriented);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(transform.Value);
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return oriented;
    }

    /// <summary>
    /// Encodes bare pixels. The pixmap is given no colour space (the pixels already are sRGB), so the encoder writes
    /// no ICC profile; it has no EXIF, XMP or comment to write either.
    /// </summary>
    private byte[] Encode(SKBitmap bitmap, ImageEncoding encoding, bool hasAlpha)
    {
        var alphaType = hasAlpha ? SKAlphaType.Premul : SKAlphaType.Opaque;
        var bare = new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, alphaType);
        using var pixmap = new SKPixmap(bare, bitmap.GetPixels(), bitmap.RowBytes);
        using var encoded = encoding == ImageEncoding.Webp
            ? pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, Limits.Quality))
            : pixmap.Encode(new SKJpegEncoderOptions(Limits.Quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return encoded?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode a {bitmap.Width}×{bitmap.Height} {encoding}.");
    }

    /// <summary>The whole stream, or null as soon as it passes <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes) return null;
        using var buffer = content.CanSeek ? new MemoryStream((int)(content.Length - content.Position)) : new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
