using System.Text.Json.Nodes;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Media;
using Troc.Tests.Infrastructure;
using Troc.Tests.Listings;
using static Troc.Tests.Listings.ListingTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Media;

/// <summary>
/// The S3 image store against a real S3-protocol server (s3rver): the requests the SDK really sends, the objects and
/// metadata the server keeps, deletes. s3rver checks the access key but not the SigV4 signature itself, which
/// <see cref="ImageStoreTests"/> pins request by request.
/// </summary>
public sealed class S3StoreTests(S3ServerProcess s3) : IClassFixture<S3ServerProcess>
{
    private S3ImageStore Store(string accessKey = S3ServerProcess.AccessKey)
    {
        var options = s3.Options(accessKey: accessKey);
        return new S3ImageStore(S3ImageStore.CreateClient(options), options.Bucket, options.KeyPrefix);
    }

    private static string NewName(ImageEncoding encoding = ImageEncoding.Jpeg) => MediaNames.For(MediaNames.NewId(), ImageSize.Card, encoding);

    [Fact]
    public async Task An_object_is_saved_read_back_byte_for_byte_and_deleted()
    {
        var store = Store();
        var name = NewName();
        var content = TestImages.Jpeg(64, 48);

        await store.SaveAsync(name, content, "image/jpeg");
        await using (var stored = await store.OpenAsync(name))
        {
            Assert.NotNull(stored);
            Assert.Equal(content.Length, stored.Length);
            Assert.Equal("image/jpeg", stored.ContentType);
            using var copy = new MemoryStream();
            await stored.Content.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }

        await store.DeleteAsync(name);
        Assert.Null(await store.OpenAsync(name));
        await store.DeleteAsync(name); // deleting what is gone is not an error, as on the local disk
    }

    [Fact]
    public async Task The_object_keeps_its_content_type_and_immutable_cache_control_for_a_cdn()
    {
        var store = Store();
        var name = NewName(ImageEncoding.Webp);
        await store.SaveAsync(name, [1, 2, 3], "image/webp");

        using var client = S3ImageStore.CreateClient(s3.Options());
        var head = await client.GetObjectMetadataAsync(S3ServerProcess.Bucket, store.KeyOf(name));

        Assert.Equal("image/webp", head.Headers.ContentType);
        Assert.Equal(MediaNames.CacheControl, head.Headers.CacheControl);
        Assert.Equal(3, head.Headers.ContentLength);
        Assert.StartsWith("listings/", store.KeyOf(name));
    }

    [Fact]
    public async Task An_unknown_access_key_is_refused_by_the_server_and_stores_nothing()
    {
        var name = NewName();

        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => Store(accessKey: "AKIAUNKNOWN").SaveAsync(name, [1], "image/jpeg"));

        Assert.Equal("InvalidAccessKeyId", refused.ErrorCode);
        Assert.Null(await Store().OpenAsync(name));
    }

    [Fact]
    public async Task A_missing_object_is_no_object_rather_than_an_error()
    {
        Assert.Null(await Store().OpenAsync(NewName()));
    }
}

/// <summary>The whole host with <c>Media:Store = S3</c>, its photos in an s3rver bucket of its own.</summary>
public sealed class S3AppFactory : TrocAppFactory
{
    public S3ServerProcess S3 { get; } = new();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var options = S3.Options();
            return new Dictionary<string, string?>
            {
                ["Media:Store"] = "S3",
                ["Media:S3:ServiceUrl"] = options.ServiceUrl,
                ["Media:S3:Bucket"] = options.Bucket,
                ["Media:S3:AccessKey"] = options.AccessKey,
                ["Media:S3:SecretKey"] = options.SecretKey,
                ["Media:S3:KeyPrefix"] = options.KeyPrefix,
            };
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) S3.Dispose();
    }
}

/// <summary>Listing photos end to end with the S3 store: uploaded through GraphQL, kept in the bucket, served under /media, removed.</summary>
public sealed class S3ListingPhotoTests(S3AppFactory app) : IClassFixture<S3AppFactory>
{
    [Fact]
    public async Task Photos_of_a_listing_go_to_the_bucket_are_served_from_it_and_leave_it_when_removed()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client, "Camille");
        var listingId = await ListingPhotoKit.CreateListingWithPhotosAsync(client, photos: 2);

        var images = (await client.PostAsync("query($id: ID!) { listing(id: $id) { images { id card: url full: url(size: FULL) } } }", new { id = listingId }))
            .EnsureNoErrors().Data!["listing"]!["images"]!.AsArray();
        Assert.Equal(2, images.Count);

        var store = app.Services.GetRequiredService<IImageStore>();
        Assert.IsType<S3ImageStore>(store);
        var http = app.CreateClient();
        var cardUrl = Url(images[0]!, "card");
        using (var served = await http.GetAsync(cardUrl))
        {
            Assert.Equal(200, (int)served.StatusCode);
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
            using var decoded = SkiaSharp.SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync());
            Assert.NotNull(decoded);
        }
        var cardName = cardUrl["/media/".Length..];
        await using (var inBucket = await store.OpenAsync(cardName)) Assert.NotNull(inBucket);

        var removed = await client.PostAsync(
            "mutation($input: RemoveListingImageInput!) { removeListingImage(input: $input) { listing { images { id } } errors { __typename } } }",
            new { input = new { listingId, imageId = Str(images[0]!["id"]) } });
        Assert.Empty(removed.EnsureNoErrors().Data!["removeListingImage"]!["errors"]!.AsArray());

        Assert.Null(await store.OpenAsync(cardName));
        Assert.Null(await store.OpenAsync(Url(images[0]!, "full")["/media/".Length..]));
        Assert.Equal(404, (int)(await http.GetAsync(cardUrl)).StatusCode);
        await using (var other = await store.OpenAsync(Url(images[1]!, "card")["/media/".Length..])) Assert.NotNull(other);
    }

    private static string Url(JsonNode image, string field) => Str(image[field]);
}
