using SkiaSharp;
using Troc.Domain.Catalogue;

namespace Troc.Graph.Seed;

/// <summary>
/// Draws the demo listings' photos with SkiaSharp, so that a fresh `./troc run` has pictures without downloading
/// any: a card in the colour of the item's top category, the item type's label and a pattern that differs from
/// one photo to the next. The pictures go through <see cref="Troc.Domain.Media.ImageService"/> like any upload.
/// </summary>
public static class DemoPhotos
{
    public const int Width = 960;
    public const int Height = 720;

    // One hue per top-level category slug; anything unknown falls back to a hue from the slug's hash.
    private static readonly Dictionary<string, float> HueByCategory = new()
    {
        ["maison"] = 28, ["electromenager"] = 200, ["mode"] = 300, ["enfants-bebe"] = 330, ["multimedia"] = 230,
        ["loisirs"] = 50, ["livres-musique-films"] = 265, ["sport-plein-air"] = 150, ["bricolage"] = 16, ["jardin"] = 110,
        ["equipement-auto-moto-velo"] = 0, ["animaux"] = 40, ["beaute-sante"] = 315, ["autres"] = 190,
    };

    // Fonts of the Debian packages present on the machines (fonts-dejavu-core, fonts-liberation); SkiaSharp's
    // NoDependencies native build has no fontconfig, so a typeface is loaded from its file.
    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/lato/Lato-Bold.ttf",
    ];

    private static readonly Lazy<SKTypeface?> Typeface = new(() =>
        FontFiles.Where(File.Exists).Select(SKTypeface.FromFile).FirstOrDefault(t => t is not null));

    /// <summary>A JPEG of the item: photo <paramref name="index"/> of a listing shows another pattern than photo 0.</summary>
    public static byte[] Draw(ItemType itemType, string subcategoryLabel, int index, int seed)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var hue = HueByCategory.TryGetValue(itemType.CategorySlug, out var known) ? known : (uint)itemType.CategorySlug.GetHashCode() % 360;
        hue = (hue + random.Next(-12, 13) + 360) % 360;

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var light = SKColor.FromHsl(hue, 55, 82);
        var dark = SKColor.FromHsl(hue, 45, 38);

        using (var background = new SKPaint())
        {
            background.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(Width, Height), [light, SKColor.FromHsl((hue + 30) % 360, 50, 70)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, Width, Height, background);
        }

        DrawPattern(canvas, random, index, SKColor.FromHsl(hue, 40, 92).WithAlpha(120));

        // The "object": a rounded card with a soft shadow, standing in for the thing being swapped.
        var card = SKRect.Create(Width * 0.16f, Height * 0.18f, Width * 0.68f, Height * 0.64f);
        using (var shadow = new SKPaint { IsAntialias = true, Color = SKColors.Black.WithAlpha(60) })
        {
            shadow.MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 18);
            canvas.DrawRoundRect(card.Left + 10, card.Top + 16, card.Width, card.Height, 36, 36, shadow);
        }
        using (var fill = new SKPaint { IsAntialias = true, Color = SKColors.White })
            canvas.DrawRoundRect(card, 36, 36, fill);
        using (var band = new SKPaint { IsAntialias = true, Color = dark })
            canvas.DrawRoundRect(SKRect.Create(card.Left, card.Bottom - 22, card.Width, 22), 11, 11, band);

        if (Typeface.Value is { } typeface)
        {
            DrawCentredText(canvas, typeface, Initials(itemType.Label), card.MidX, card.Top + card.Height * 0.48f, 150, dark);
            DrawCentredText(canvas, typeface, itemType.Label, card.MidX, card.Top + card.Height * 0.72f, 44, SKColors.Black.WithAlpha(200), card.Width - 60);
            DrawCentredText(canvas, typeface, subcategoryLabel, card.MidX, card.Top + card.Height * 0.85f, 26, dark.WithAlpha(200), card.Width - 80);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static void DrawPattern(SKCanvas canvas, Random random, int index, SKColor colour)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = colour, Style = SKPaintStyle.Fill };
        switch (index % 3)
        {
            case 0: // dots
                for (var i = 0; i < 40; i++)
                    canvas.DrawCircle(random.Next(Width), random.Next(Height), random.Next(8, 46), paint);
                break;
            case 1: // diagonal stripes
                paint.Style = SKPaintStyle.Stroke;
                paint.StrokeWidth = 22;
                for (var x = -Height; x < Width; x += 70)
                    canvas.DrawLine(x, Height, x + Height, 0, paint);
                break;
            default: // tiles
                for (var x = 0; x < Width; x += 80)
                    for (var y = (x / 80) % 2 * 80; y < Height; y += 160)
                        canvas.DrawRect(x, y, 80, 80, paint);
                break;
        }
    }

    private static void DrawCentredText(SKCanvas canvas, SKTypeface typeface, string text, float x, float y, float size, SKColor colour, float maxWidth = float.MaxValue)
    {
        using var font = new SKFont(typeface, size);
        // Long labels shrink to fit the card rather than overflow it.
        while (font.MeasureText(text) > maxWidth && font.Size > 14) font.Size -= 2;
        using var paint = new SKPaint { IsAntialias = true, Color = colour };
        canvas.DrawText(text, x, y, SKTextAlign.Center, font, paint);
    }

    private static string Initials(string label)
    {
        var words = label.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).Take(2).ToList();
        return words.Count == 0 ? label[..1].ToUpperInvariant() : string.Concat(words.Select(w => char.ToUpperInvariant(w[0])));
    }
}
