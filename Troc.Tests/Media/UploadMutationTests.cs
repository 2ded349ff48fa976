using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Troc.Tests.Transport.Http;

namespace Troc.Tests.Media;

/// <summary>Photos through the real pipeline: multipart request, Upload argument, processing, store, Image type, /media.</summary>
public sealed partial class UploadMutationTests(MediaAppFactory app) : IClassFixture<MediaAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [GeneratedRegex("^/media/[0-9a-f]{32}-(thumbnail|card|full)\\.(jpg|webp)$")]
    private static partial Regex MediaUrl();

    private static JsonNode Payload(HttpExchange response)
    {
        response.Is(200, HttpExchange.GraphQLResponseJson);
        Assert.False(response.BodyJson.AsObject().ContainsKey("errors"), response.Body);
        return response.BodyJson["data"]!["uploadTestImage"]!;
    }

    private async Task<byte[]> FetchAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task A_jpeg_is_stored_in_three_sizes_and_served_from_media_with_immutable_caching()
    {
        var response = await Multipart.UploadOneAsync(_client, "vélo.jpg", TestImages.Jpeg(2000, 1500));

        var image = Payload(response)["images"]![0]!;
        Assert.Empty(Payload(response)["errors"]!.AsArray());
        foreach (var size in new[] { "thumbnail", "card", "full" })
            Assert.Matches(MediaUrl(), image[size]!.GetValue<string>());
        Assert.EndsWith("-card.jpg", image["card"]!.GetValue<string>());
        response.MatchSnapshot(o => o.IgnoreFields("data.uploadTestImage.images[*].thumbnail").IgnoreFields("data.uploadTestImage.images[*].card").IgnoreFields("data.uploadTestImage.images[*].full"));

        var served = await _client.GetAsync(image["full"]!.GetValue<string>());
        Assert.Equal(200, (int)served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        using var full = TestImages.Decode(await served.Content.ReadAsByteArrayAsync());
        Assert.Equal((1600, 1200), (full.Width, full.Height));
        Assert.Empty(app.SpooledFiles());
    }

    [Theory]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task Png_and_webp_are_accepted_by_their_content_whatever_they_are_called(string format)
    {
        var bytes = format == "png" ? TestImages.Png(900, 600) : TestImages.Webp(900, 600);

        // A misleading name and declared type change nothing: the bytes decide.
        var response = await Multipart.UploadOneAsync(_client, "photo.jpg", bytes, "application/octet-stream");

        var image = Payload(response)["images"]![0]!;
        Assert.Equal(320, image["thumbnailWidth"]!.GetValue<int>());
        Assert.Equal(213, image["thumbnailHeight"]!.GetValue<int>());
        Assert.Equal(640, image["width"]!.GetValue<int>());
        Assert.Equal(900, image["fullWidth"]!.GetValue<int>()); // never upscaled
    }

    [Fact]
    public async Task Gps_exif_is_gone_from_every_stored_size_and_the_orientation_is_applied()
    {
        var phonePhoto = TestImages.WithMetadata(TestImages.Jpeg(1200, 800), orientation: 6, latitude: 45.764, longitude: 4.8357);

        var response = await Multipart.UploadOneAsync(_client, "IMG_2024.jpg", phonePhoto);

        var image = Payload(response)["images"]![0]!;
        // Landscape pixels with "turn right" in EXIF: the stored photo is portrait.
        Assert.Equal((800, 1200), (image["fullWidth"]!.GetValue<int>(), image["fullHeight"]!.GetValue<int>()));
        Assert.Equal((427, 640), (image["width"]!.GetValue<int>(), image["height"]!.GetValue<int>()));
        foreach (var size in new[] { "thumbnail", "card", "full" })
        {
            var url = image[size]!.GetValue<string>();
            var stored = await File.ReadAllBytesAsync(Directory.GetFiles(app.MediaFolder, Path.GetFileName(url), SearchOption.AllDirectories).Single());
            TestImages.AssertNoMetadata(stored);
            Assert.Equal(stored, await FetchAsync(url));
        }
    }

    [Fact]
    public async Task Several_photos_in_one_request_are_each_stored_or_refused_by_index()
    {
        var content = Multipart.Content(
            Multipart.Operations(
                "mutation($files: [Upload!]!) { uploadTestImages(files: $files) { images { width } errors { ... on Error { code } ... on NotAnImageError { field } } } }",
                """{"files":[null,null,null]}"""),
            """{"a":["variables.files.0"],"b":["variables.files.1"],"c":["variables.files.2"]}""",
            Multipart.File("a", "a.jpg", TestImages.Jpeg(700, 700)),
            Multipart.File("b", "b.jpg", "pas une image"u8.ToArray()),
            Multipart.File("c", "c.png", TestImages.Png(300, 300), "image/png"));

        var response = await Multipart.PostAsync(_client, content);

        response.Is(200, HttpExchange.GraphQLResponseJson);
        response.MatchSnapshot();
        var payload = response.BodyJson["data"]!["uploadTestImages"]!;
        Assert.Equal(2, payload["images"]!.AsArray().Count);
        Assert.Equal("files[1]", payload["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Empty(app.SpooledFiles());
    }
}
