using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Troc.Domain.Media;

namespace Troc.Tests.Media;

/// <summary>
/// The two stores. The local one runs for real; here the S3 one runs against a recording HTTP handler, which pins
/// the requests it signs and sends (address, key, headers, SigV4 signature). <see cref="S3StoreTests"/> runs it
/// against a real S3-protocol server for what a bucket answers.
/// </summary>
public sealed class ImageStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "troc-store-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static string NewName(ImageSize size = ImageSize.Card) => MediaNames.For(MediaNames.NewId(), size, ImageEncoding.Jpeg);

    [Fact]
    public async Task The_local_store_saves_opens_and_deletes_under_a_two_character_folder()
    {
        var store = new LocalDiskImageStore(_root);
        var name = NewName();

        await store.SaveAsync(name, [9, 8, 7], "image/jpeg");
        await using (var stored = await store.OpenAsync(name))
        {
            Assert.NotNull(stored);
            Assert.Equal(3, stored.Length);
            Assert.Equal("image/jpeg", stored.ContentType);
        }
        Assert.True(File.Exists(Path.Combine(_root, name[..2], name)));
        await store.DeleteAsync(name);

        Assert.Null(await store.OpenAsync(name));
        await store.DeleteAsync(name); // twice is fine
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcdef-card.jpg/../../x")]
    [InlineData("0123456789abcdef0123456789abcdef-huge.jpg")]
    [InlineData("0123456789abcdef0123456789abcdef-card.png")]
    public async Task Names_that_are_not_ours_never_become_paths_or_keys(string name)
    {
        var local = new LocalDiskImageStore(_root);
        var s3 = new S3ImageStore(S3ImageStore.CreateClient(S3Options, new RecordingHttpClientFactory()), "bucket", "");

        Assert.False(MediaNames.IsValid(name));
        Assert.Null(await local.OpenAsync(name));
        Assert.Throws<ArgumentException>(() => local.PathOf(name));
        Assert.Throws<ArgumentException>(() => s3.KeyOf(name));
        await Assert.ThrowsAsync<ArgumentException>(() => local.SaveAsync(name, [1], "image/jpeg"));
    }

    [Fact]
    public void Media_names_are_random_and_say_their_size_and_encoding()
    {
        var id = MediaNames.NewId();

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.NotEqual(id, MediaNames.NewId());
        Assert.Equal($"{id}-thumbnail.webp", MediaNames.For(id, ImageSize.Thumbnail, ImageEncoding.Webp));
        Assert.Equal("image/webp", MediaNames.ContentType($"{id}-thumbnail.webp"));
        Assert.Equal("image/jpeg", MediaNames.ContentType($"{id}-full.jpg"));
    }

    private static readonly S3StoreOptions S3Options = new()
    {
        ServiceUrl = "http://s3.test:9000",
        Region = "eu-west-3",
        Bucket = "troc-photos",
        AccessKey = "AKIATROCTEST",
        SecretKey = "secret-key-for-tests",
        KeyPrefix = "listings/",
    };

    [Fact]
    public async Task S3_put_is_a_path_style_sigv4_signed_put_with_type_and_immutable_cache_control()
    {
        var http = new RecordingHttpClientFactory();
        var store = new S3ImageStore(S3ImageStore.CreateClient(S3Options, http), S3Options.Bucket, S3Options.KeyPrefix);
        var name = NewName(ImageSize.Full);
        byte[] content = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];

        await store.SaveAsync(name, content, "image/jpeg");

        var put = Assert.Single(http.Requests);
        Assert.Equal("PUT", put.Method);
        Assert.Equal($"http://s3.test:9000/troc-photos/listings/{name}", put.Url);
        Assert.Equal("image/jpeg", put.Headers["Content-Type"]);
        Assert.Equal("public, max-age=31536000, immutable", put.Headers["Cache-Control"]);
        Assert.Equal(content, put.Body);
        // A plain signed payload: its SHA-256 in the header, not aws-chunked streaming.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), put.Headers["x-amz-content-sha256"]);
        var authorization = put.Headers["Authorization"];
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIATROCTEST/", authorization);
        Assert.Contains("/eu-west-3/s3/aws4_request", authorization);
        Assert.Matches("SignedHeaders=[a-z0-9;-]*host", authorization);
        Assert.Contains("x-amz-content-sha256", authorization);
        Assert.Matches("Signature=[0-9a-f]{64}$", authorization);
        Assert.DoesNotContain("secret-key-for-tests", string.Join("\n", put.Headers.Values));
    }

    [Fact]
    public async Task S3_get_streams_the_object_and_a_404_is_no_object()
    {
        var http = new RecordingHttpClientFactory();
        var store = new S3ImageStore(S3ImageStore.CreateClient(S3Options, http), S3Options.Bucket, S3Options.KeyPrefix);
        var name = NewName();
        http.Objects[$"/troc-photos/listings/{name}"] = [4, 5, 6];

        await using (var stored = await store.OpenAsync(name))
        {
            Assert.NotNull(stored);
            using var copy = new MemoryStream();
            await stored.Content.CopyToAsync(copy);
            Assert.Equal(new byte[] { 4, 5, 6 }, copy.ToArray());
            Assert.Equal("image/jpeg", stored.ContentType);
        }
        Assert.Null(await store.OpenAsync(NewName()));
        await store.DeleteAsync(name);

        Assert.Equal(["GET", "GET", "DELETE"], http.Requests.Select(r => r.Method));
        Assert.Equal($"http://s3.test:9000/troc-photos/listings/{name}", http.Requests[^1].Url);
    }

    public sealed record RecordedRequest(string Method, string Url, Dictionary<string, string> Headers, byte[] Body);

    /// <summary>Stands in for an S3 service: records each request, answers PUT/DELETE with success and GET from <see cref="Objects"/>.</summary>
    private sealed class RecordingHttpClientFactory : HttpClientFactory
    {
        public List<RecordedRequest> Requests { get; } = [];

        public Dictionary<string, byte[]> Objects { get; } = [];

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(this));

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

        private sealed class Handler(RecordingHttpClientFactory owner) : HttpMessageHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
                var headers = request.Headers.Concat(request.Content?.Headers.AsEnumerable() ?? [])
                    .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
                owner.Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.GetLeftPart(UriPartial.Path), headers, body));
                if (request.Method == HttpMethod.Get)
                {
                    if (!owner.Objects.TryGetValue(request.RequestUri.AbsolutePath, out var stored))
                        return new HttpResponseMessage(HttpStatusCode.NotFound)
                        {
                            Content = new StringContent("<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>", System.Text.Encoding.UTF8, "application/xml"),
                        };
                    var ok = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(stored) };
                    ok.Content.Headers.ContentType = new("image/jpeg");
                    ok.Content.Headers.ContentLength = stored.Length;
                    return ok;
                }
                var response = new HttpResponseMessage(request.Method == HttpMethod.Delete ? HttpStatusCode.NoContent : HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
                response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"etag\"");
                return response;
            }
        }
    }
}
