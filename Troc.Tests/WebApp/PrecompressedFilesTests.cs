using System.IO.Compression;
using System.Net;
using System.Text;
using Troc.Tests.Compression;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.WebApp;

/// <summary>
/// A built web app as `./troc build` leaves it: a script with the Brotli and gzip copies the build writes beside it, a
/// style sheet with only a gzip copy, and a small icon with none; served by the real host on a real Kestrel port.
/// </summary>
public sealed class PrecompressedWebAppFactory : TrocAppFactory
{
    public string AppDirectory { get; } = Path.Combine(Path.GetTempPath(), "troc-test-webapp-" + Guid.NewGuid().ToString("N"));

    /// <summary>A script big enough to be worth compressing, as Vite writes them.</summary>
    public byte[] Script { get; } = Encoding.UTF8.GetBytes(string.Concat(
        Enumerable.Range(0, 400).Select(i => $"export const listing{i} = {{ id: {i}, title: 'Vélo de ville n°{i}' }};\n")));

    public byte[] Styles { get; } = Encoding.UTF8.GetBytes(string.Concat(
        Enumerable.Range(0, 200).Select(i => $".card-{i} {{ padding: {i % 7}px; color: #0f766e; }}\n")));

    public PrecompressedWebAppFactory()
    {
        UseKestrel(0);
        var assets = Path.Combine(AppDirectory, "assets");
        Directory.CreateDirectory(assets);
        File.WriteAllText(Path.Combine(AppDirectory, "index.html"),
            "<!doctype html><title>Troc</title><div id=\"root\"></div>" + new string(' ', 2000) + "<script type=\"module\" src=\"/assets/index-abc123.js\"></script>");
        File.WriteAllText(Path.Combine(AppDirectory, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        File.WriteAllBytes(Path.Combine(assets, "index-abc123.js"), Script);
        File.WriteAllBytes(Path.Combine(assets, "index-abc123.js.br"), Compress(Script, s => new BrotliStream(s, CompressionLevel.SmallestSize)));
        File.WriteAllBytes(Path.Combine(assets, "index-abc123.js.gz"), Compress(Script, s => new GZipStream(s, CompressionLevel.SmallestSize)));
        File.WriteAllBytes(Path.Combine(assets, "index-def456.css"), Styles);
        File.WriteAllBytes(Path.Combine(assets, "index-def456.css.gz"), Compress(Styles, s => new GZipStream(s, CompressionLevel.SmallestSize)));
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WebApp:Enabled"] = "true",
        ["WebApp:Path"] = AppDirectory,
    };

    private static byte[] Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(content);
        return output.ToArray();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(AppDirectory)) Directory.Delete(AppDirectory, recursive: true);
    }
}

public sealed class PrecompressedFilesTests(PrecompressedWebAppFactory app) : IClassFixture<PrecompressedWebAppFactory>
{
    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0.4, gzip;q=0.9", "gzip")]
    [InlineData("*", "br")]
    public async Task A_script_is_sent_as_the_copy_the_build_compressed_and_decodes_to_the_file(string acceptEncoding, string expected)
    {
        using var response = await GetAsync("/assets/index-abc123.js", acceptEncoding);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.True(body.Length * 4 < app.Script.Length, $"{body.Length} bytes sent for a {app.Script.Length}-byte script");
        Assert.Equal(app.Script, RawHttp.Decode(expected, body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("br;q=0, gzip;q=0")]
    public async Task A_browser_that_accepts_neither_gets_the_plain_file_and_caches_are_told_it_varies(string? acceptEncoding)
    {
        using var response = await GetAsync("/assets/index-abc123.js", acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(app.Script, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_with_only_a_gzip_copy_gets_it_even_when_brotli_is_preferred()
    {
        using var response = await GetAsync("/assets/index-def456.css", "br, gzip");

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(app.Styles, RawHttp.Decode("gzip", await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Each_copy_has_its_own_etag_and_revalidates_on_its_own()
    {
        using var brotli = await GetAsync("/assets/index-abc123.js", "br");
        using var plain = await GetAsync("/assets/index-abc123.js", null);
        using var again = await GetAsync("/assets/index-abc123.js", "br", ifNoneMatch: brotli.Headers.ETag!.Tag);

        Assert.NotEqual(brotli.Headers.ETag, plain.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(["br"], again.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_page_is_compressed_on_the_fly_and_a_head_request_names_the_copy_a_get_would_send()
    {
        using var page = await GetAsync("/listings/TGlzdGluZzox", "br", accept: "text/html");
        using var head = await SendAsync(HttpMethod.Head, "/assets/index-abc123.js", "gzip");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(["br"], page.Content.Headers.ContentEncoding);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<div id=\"root\"></div>", Encoding.UTF8.GetString(RawHttp.Decode("br", await page.Content.ReadAsByteArrayAsync())));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(["gzip"], head.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_missing_file_is_still_a_404()
    {
        using var response = await GetAsync("/assets/gone-123.js", "br");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding, string accept = "*/*", string? ifNoneMatch = null) =>
        SendAsync(HttpMethod.Get, path, acceptEncoding, accept, ifNoneMatch);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? acceptEncoding, string accept = "*/*", string? ifNoneMatch = null)
    {
        using var client = RawHttp.ClientFor(app);
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd(accept);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
