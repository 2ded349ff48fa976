using Troc.Tests.Transport.Http;

namespace Troc.Tests.Media;

/// <summary>
/// Bad uploads are refused with typed errors, and nothing is stored: this fixture's image folder must stay empty,
/// and no spooled file may outlive its request.
/// </summary>
public sealed class RefusedUploadTests(MediaAppFactory app) : IClassFixture<MediaAppFactory>, IDisposable
{
    private readonly HttpClient _client = app.CreateClient();

    public void Dispose()
    {
        Assert.Empty(app.StoredFiles());
        Assert.Empty(app.SpooledFiles());
    }

    private static Task<HttpExchange> UploadAsync(HttpClient client, string fileName, byte[] content) =>
        Multipart.UploadOneAsync(client, fileName, content);

    private static void AssertPayloadError(HttpExchange response, string typeName, string code)
    {
        response.Is(200, HttpExchange.GraphQLResponseJson);
        var payload = response.BodyJson["data"]!["uploadTestImage"]!;
        Assert.Empty(payload["images"]!.AsArray());
        var error = payload["errors"]!.AsArray().Single()!;
        Assert.Equal(typeName, error["__typename"]!.GetValue<string>());
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal("file", error["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_text_file_named_jpg_is_not_an_image()
    {
        var response = await UploadAsync(_client, "vacances.jpg", "Ceci n'est pas une pipe, ni une photo."u8.ToArray());

        AssertPayloadError(response, "NotAnImageError", "NOT_AN_IMAGE");
        response.MatchSnapshot();
    }

    [Fact]
    public async Task A_truncated_jpeg_is_a_corrupt_image()
    {
        var jpeg = TestImages.Jpeg(900, 700, noise: true);

        var response = await UploadAsync(_client, "coupée.jpg", jpeg[..(jpeg.Length * 2 / 3)]);

        AssertPayloadError(response, "CorruptImageError", "CORRUPT_IMAGE");
    }

    [Fact]
    public async Task A_30000_by_30000_png_is_too_large_an_image()
    {
        var response = await UploadAsync(_client, "bombe.png", TestImages.PngHeaderOnly(30_000, 30_000));

        AssertPayloadError(response, "ImageTooLargeError", "IMAGE_TOO_LARGE");
        response.MatchSnapshot();
    }

    [Fact]
    public async Task A_gif_is_an_unsupported_format()
    {
        var response = await UploadAsync(_client, "anim.gif", TestImages.Gif(20, 20));

        AssertPayloadError(response, "UnsupportedImageFormatError", "UNSUPPORTED_FORMAT");
    }

    [Fact]
    public async Task An_11_MB_file_is_refused_with_413_before_it_is_processed()
    {
        var content = new byte[11 * 1024 * 1024];
        TestImages.Jpeg(50, 50).CopyTo(content, 0);

        var response = await UploadAsync(_client, "énorme.jpg", content);

        response.IsError(413, HttpExchange.GraphQLResponseJson, "FILE_TOO_LARGE");
        Assert.Equal("The file in multipart field '0' (énorme.jpg) exceeds the limit of 10485760 bytes (10 MB) per file.", response.FirstErrorMessage);
        response.MatchSnapshot();
    }

    [Fact]
    public async Task An_eleventh_file_is_refused_with_413_naming_the_limit()
    {
        var fields = Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var content = Multipart.Content(
            Multipart.Operations("mutation($files: [Upload!]!) { uploadTestImages(files: $files) { images { url } } }",
                "{\"files\":[" + string.Join(",", fields.Select(_ => "null")) + "]}"),
            "{" + string.Join(",", fields.Select(f => $"\"{f}\":[\"variables.files.{f}\"]")) + "}",
            fields.Select(f => Multipart.File(f, $"{f}.jpg", TestImages.Jpeg(40, 40))).ToArray());

        var response = await Multipart.PostAsync(_client, content);

        response.IsError(413, HttpExchange.GraphQLResponseJson, "TOO_MANY_FILES");
        Assert.Equal("The request uploads 11 files; at most 10 are allowed in one request.", response.FirstErrorMessage);
    }
}
