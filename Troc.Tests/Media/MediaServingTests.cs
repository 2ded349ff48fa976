using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Media;

namespace Troc.Tests.Media;

/// <summary>/media serves stored renditions with year-long immutable caching, and nothing else.</summary>
public sealed class MediaServingTests(MediaAppFactory app) : IClassFixture<MediaAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<string> StoreAsync(ImageEncoding encoding)
    {
        var name = MediaNames.For(MediaNames.NewId(), ImageSize.Card, encoding);
        await app.Services.GetRequiredService<IImageStore>().SaveAsync(name, [1, 2, 3, 4], encoding.ContentType());
        return name;
    }

    [Theory]
    [InlineData(ImageEncoding.Jpeg, "image/jpeg")]
    [InlineData(ImageEncoding.Webp, "image/webp")]
    public async Task A_stored_rendition_is_served_with_its_type_immutable_caching_and_nosniff(ImageEncoding encoding, string contentType)
    {
        var name = await StoreAsync(encoding);

        var response = await _client.GetAsync($"/media/{name}");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(4, response.Content.Headers.ContentLength);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_answers_the_headers_and_a_known_etag_is_304()
    {
        var name = await StoreAsync(ImageEncoding.Jpeg);

        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/media/{name}"));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/media/{name}");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", head.Headers.ETag!.ToString());
        using var notModified = await _client.SendAsync(conditional);

        Assert.Equal(200, (int)head.StatusCode);
        Assert.Equal(4, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(304, (int)notModified.StatusCode);
    }

    [Theory]
    [InlineData("/media/0123456789abcdef0123456789abcdef-card.jpg")] // well formed, never stored
    [InlineData("/media/photo.jpg")]
    [InlineData("/media/0123456789ABCDEF0123456789ABCDEF-card.jpg")]
    [InlineData("/media/..%2F..%2Fappsettings.json")]
    [InlineData("/media/%2e%2e%2f%2e%2e%2fProgram.cs")]
    [InlineData("/media/0123456789abcdef0123456789abcdef-card.jpg.txt")]
    public async Task Unknown_or_malformed_names_are_404_and_never_reach_the_disk(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEqual("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }
}
