using Microsoft.Extensions.Options;
using SkiaSharp;
using Troc.Domain.Media;

namespace Troc.Tests.Media;

/// <summary>The processor on its own: what it accepts, what it refuses and why, and what it writes.</summary>
public sealed class ImageProcessorTests
{
    private readonly ImageProcessor _processor = new(Options.Create(new ImageProcessingOptions()));

    private ProcessedImage Accept(byte[] content)
    {
        var result = _processor.Process(content);
        Assert.True(result.Succeeded, $"refused: {result.Failure}");
        return result.Image!;
    }

    private ImageFailure Refuse(byte[] content)
    {
        var result = _processor.Process(content);
        Assert.False(result.Succeeded, "accepted");
        return result.Failure!;
    }

    [Fact]
    public void A_jpeg_gets_three_jpeg_renditions_by_longest_side()
    {
        var image = Accept(TestImages.Jpeg(2400, 1800));

        Assert.Equal(ImageEncoding.Jpeg, image.Encoding);
        Assert.Equal((320, 240), (image[ImageSize.Thumbnail].Width, image[ImageSize.Thumbnail].Height));
        Assert.Equal((640, 480), (image[ImageSize.Card].Width, image[ImageSize.Card].Height));
        Assert.Equal((1600, 1200), (image[ImageSize.Full].Width, image[ImageSize.Full].Height));
        foreach (var rendition in image.Renditions)
        {
            using var decoded = TestImages.Decode(rendition.Content);
            Assert.Equal((rendition.Width, rendition.Height), (decoded.Width, decoded.Height));
            TestImages.AssertNoMetadata(rendition.Content);
        }
    }

    [Fact]
    public void A_small_photo_is_never_upscaled()
    {
        var image = Accept(TestImages.Png(500, 250));

        Assert.Equal((320, 160), (image[ImageSize.Thumbnail].Width, image[ImageSize.Thumbnail].Height));
        Assert.Equal((500, 250), (image[ImageSize.Card].Width, image[ImageSize.Card].Height));
        Assert.Equal((500, 250), (image[ImageSize.Full].Width, image[ImageSize.Full].Height));
    }

    [Fact]
    public void An_opaque_png_and_a_webp_become_jpeg_a_transparent_png_stays_transparent_as_webp()
    {
        Assert.Equal(ImageEncoding.Jpeg, Accept(TestImages.Png(300, 200)).Encoding);
        Assert.Equal(ImageEncoding.Jpeg, Accept(TestImages.Webp(300, 200)).Encoding);

        var transparent = Accept(TestImages.Png(300, 200, alpha: 128));

        Assert.Equal(ImageEncoding.Webp, transparent.Encoding);
        using var decoded = TestImages.Decode(transparent[ImageSize.Full].Content);
        Assert.InRange(decoded.GetPixel(10, 10).Alpha, 100, 160);
        TestImages.AssertNoMetadata(transparent[ImageSize.Full].Content);
    }

    [Fact]
    public void Gps_exif_xmp_and_comments_are_gone_from_every_rendition()
    {
        var phonePhoto = TestImages.WithMetadata(TestImages.Jpeg(1800, 1200), orientation: 1, latitude: 48.8566, longitude: 2.3522);
        Assert.Contains((byte)0xE1, TestImages.JpegMarkers(phonePhoto)); // the test photo does carry EXIF

        var image = Accept(phonePhoto);

        Assert.Equal(3, image.Renditions.Count);
        foreach (var rendition in image.Renditions)
        {
            TestImages.AssertNoMetadata(rendition.Content);
            Assert.Equal(0xE0, TestImages.JpegMarkers(rendition.Content)[0]); // JFIF only
        }
    }

    [Theory]
    [InlineData(6)] // turn 90° clockwise: the red left half ends on top
    [InlineData(8)] // turn 90° anticlockwise: the red left half ends at the bottom
    [InlineData(3)] // turn 180°: the red left half ends on the right
    public void The_exif_orientation_is_applied_to_the_pixels(ushort orientation)
    {
        var photo = TestImages.WithMetadata(TestImages.Jpeg(400, 200), orientation, 43.6, 1.44);

        var image = Accept(photo);

        var full = image[ImageSize.Full];
        using var decoded = TestImages.Decode(full.Content);
        if (orientation == 3)
        {
            Assert.Equal((400, 200), (full.Width, full.Height));
            AssertRed(decoded.GetPixel(350, 100));
            AssertBlue(decoded.GetPixel(50, 100));
            return;
        }
        Assert.Equal((200, 400), (full.Width, full.Height));
        Assert.Equal((200, 400), (decoded.Width, decoded.Height));
        var (top, bottom) = (decoded.GetPixel(100, 50), decoded.GetPixel(100, 350));
        if (orientation == 6) { AssertRed(top); AssertBlue(bottom); }
        else { AssertBlue(top); AssertRed(bottom); }
    }

    private static void AssertRed(SKColor color) => Assert.True(color.Red > 150 && color.Blue < 80, $"expected red, got {color}");

    private static void AssertBlue(SKColor color) => Assert.True(color.Blue > 150 && color.Red < 80, $"expected blue, got {color}");

    [Fact]
    public void A_text_file_is_not_an_image_whatever_its_name()
    {
        var failure = Refuse("Bonjour, ceci n'est pas une photo."u8.ToArray());

        Assert.Equal(ImageFailureCode.NotAnImage, failure.Code);
        Assert.Equal("NOT_AN_IMAGE", failure.CodeName);
    }

    [Fact]
    public void An_empty_file_is_not_an_image() => Assert.Equal(ImageFailureCode.NotAnImage, Refuse([]).Code);

    [Fact]
    public void A_gif_is_an_unsupported_format_named_in_the_message()
    {
        var failure = Refuse(TestImages.Gif(10, 10));

        Assert.Equal(ImageFailureCode.UnsupportedFormat, failure.Code);
        Assert.Contains("GIF", failure.Message);
    }

    [Fact]
    public void A_truncated_jpeg_is_corrupt()
    {
        var jpeg = TestImages.Jpeg(800, 600, noise: true);

        var failure = Refuse(jpeg[..(jpeg.Length / 2)]);

        Assert.Equal(ImageFailureCode.CorruptImage, failure.Code);
    }

    [Fact]
    public void A_jpeg_cut_inside_its_header_is_corrupt()
    {
        var failure = Refuse(TestImages.Jpeg(100, 100)[..40]);

        Assert.Equal(ImageFailureCode.CorruptImage, failure.Code);
    }

    [Fact]
    public void A_30000_by_30000_png_is_refused_from_its_header_without_allocating_pixels()
    {
        var bomb = TestImages.PngHeaderOnly(30_000, 30_000);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var failure = Refuse(bomb);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(ImageFailureCode.ImageTooLarge, failure.Code);
        Assert.Contains("30000 × 30000", failure.Message);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated to refuse a header");
    }

    [Theory]
    [InlineData(12_001, 10)] // one side too long
    [InlineData(8_000, 7_000)] // 56 megapixels
    public void Dimensions_over_either_limit_are_refused(int width, int height) =>
        Assert.Equal(ImageFailureCode.ImageTooLarge, Refuse(TestImages.PngHeaderOnly(width, height)).Code);

    [Fact]
    public async Task A_file_over_10_MB_is_refused_before_it_is_read_whole()
    {
        var content = new byte[11 * 1024 * 1024];
        TestImages.Jpeg(10, 10).CopyTo(content, 0);

        var result = await _processor.ProcessAsync(new MemoryStream(content));

        Assert.Equal(ImageFailureCode.FileTooLarge, result.Failure?.Code);
        Assert.Equal("FILE_TOO_LARGE", result.Failure?.CodeName);
    }

    [Theory]
    [InlineData(1200, 900)]
    [InlineData(900, 1200)]
    public void The_header_dimensions_of_each_format_are_read(int width, int height)
    {
        Assert.Equal((ImageContainer.Jpeg, width, height), Read(TestImages.Jpeg(width, height)));
        Assert.Equal((ImageContainer.Png, width, height), Read(TestImages.Png(width, height)));
        Assert.Equal((ImageContainer.Webp, width, height), Read(TestImages.Webp(width, height)));

        static (ImageContainer, int?, int?) Read(byte[] bytes)
        {
            var header = ImageHeader.Read(bytes);
            return (header.Container, header.Width, header.Height);
        }
    }
}
