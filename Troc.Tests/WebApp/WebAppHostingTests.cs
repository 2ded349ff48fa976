using System.Net;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.WebApp;

/// <summary>A built web app in a folder of its own, served by the host at the root beside the API.</summary>
public sealed class WebAppFactory : TrocAppFactory
{
    public string AppDirectory { get; } = Path.Combine(Path.GetTempPath(), "troc-test-webapp-" + Guid.NewGuid().ToString("N"));

    public WebAppFactory()
    {
        Directory.CreateDirectory(Path.Combine(AppDirectory, "assets"));
        File.WriteAllText(Path.Combine(AppDirectory, "index.html"), "<!doctype html><title>Troc</title><div id=\"root\"></div>");
        File.WriteAllText(Path.Combine(AppDirectory, "assets", "index-abc123.js"), "console.log('troc');");
        File.WriteAllText(Path.Combine(AppDirectory, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WebApp:Enabled"] = "true",
        ["WebApp:Path"] = AppDirectory,
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(AppDirectory)) Directory.Delete(AppDirectory, recursive: true);
    }
}

public sealed class WebAppHostingTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Theory]
    [InlineData("/")]
    [InlineData("/listings/TGlzdGluZzox")]
    [InlineData("/verify-email?token=abc")]
    [InlineData("/me/listings")]
    public async Task Every_page_address_gets_the_apps_index_page_checked_again_on_each_visit(string path)
    {
        using var response = await GetAsync(path, BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\"></div>", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
    }

    [Fact]
    public async Task The_index_file_asked_for_by_name_carries_the_same_policy()
    {
        using var response = await GetAsync("/index.html", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/media", "img-src 'self' data: blob:;")]
    [InlineData("https://photos.example.net/troc/", "img-src 'self' data: blob: https://photos.example.net;")]
    public void Photos_from_a_bucket_or_cdn_are_allowed_by_their_origin_only(string publicBaseUrl, string expected)
    {
        var headers = new Troc.Graph.WebApp.WebAppSecurityHeaders(
            Microsoft.Extensions.Options.Options.Create(new Troc.Domain.Media.MediaOptions { PublicBaseUrl = publicBaseUrl }));

        Assert.Contains(expected, headers.ContentSecurityPolicy + ";");
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_good_and_other_files_revalidated()
    {
        using var script = await GetAsync("/assets/index-abc123.js", "*/*");
        using var icon = await GetAsync("/favicon.svg", "*/*");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", script.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("no-cache", icon.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_missing_file_is_a_404_not_the_index_page()
    {
        using var response = await GetAsync("/assets/gone-123.js", "*/*");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_api_the_ide_and_health_keep_their_addresses()
    {
        using var ide = await GetAsync("/graphql", BrowserAccept);
        using var health = await GetAsync("/health", "application/json");
        var client = app.CreateGraphQLClient();
        var result = await client.PostAsync("{ categories { slug } }");

        Assert.Contains("Banana Cake Pop", await ide.Content.ReadAsStringAsync());
        Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);
        Assert.True(result.EnsureNoErrors().Data!["categories"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task Posting_to_a_page_address_is_refused()
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/listings/new", new StringContent("x"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string accept)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }
}
