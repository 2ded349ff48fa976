using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Troc.Tests.Infrastructure;
using Troc.Tests.Media;
using Troc.Tests.Transport.Http;
using static Troc.Tests.Listings.ListingTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Listings;

/// <summary>The real Troc schema with its own image folder and upload spool, so a test sees exactly what was stored.</summary>
public class ListingPhotoAppFactory : TrocAppFactory
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "troc-listing-photos-test-" + Guid.NewGuid().ToString("N"));

    public string MediaFolder => Path.Combine(_root, "media");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Media:LocalPath"] = MediaFolder,
        ["Graph:Uploads:TempPath"] = Path.Combine(_root, "spool"),
    };

    public string[] StoredFiles() => Directory.Exists(MediaFolder)
        ? Directory.GetFiles(MediaFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>().Order().ToArray()
        : [];

    public string StoredPath(string url) =>
        Directory.GetFiles(MediaFolder, Path.GetFileName(url), SearchOption.AllDirectories).Single();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

/// <summary>A photo-capable host that also counts SQL statements, for the batching test of listings with photos.</summary>
public sealed class CountingPhotoAppFactory : ListingPhotoAppFactory
{
    public SqlStatementCounter Statements { get; } = new();

    protected override void ConfigureTestServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(services, Statements);
}

public static class ListingPhotoKit
{
    /// <summary>A multipart request whose variables hold <c>input</c> with an <c>images</c> list filled by <paramref name="files"/>.</summary>
    public static async Task<HttpExchange> PostWithPhotosAsync(
        GraphQLClient client, string query, Dictionary<string, object?> input, IReadOnlyList<(string Name, byte[] Bytes)> files, bool preflight = true)
    {
        input["images"] = files.Select(_ => (object?)null).ToArray();
        var map = "{" + string.Join(",", files.Select((_, i) => $"\"f{i}\":[\"variables.input.images.{i}\"]")) + "}";
        var content = Multipart.Content(
            Multipart.Operations(query, JsonSerializer.Serialize(new { input })),
            map,
            files.Select((file, i) => Multipart.File($"f{i}", file.Name, file.Bytes)).ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", HttpExchange.GraphQLResponseJson);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.AccessToken);
        if (preflight) request.Headers.Add("GraphQL-Preflight", "1");
        return await HttpExchange.ReadAsync(await client.Http.SendAsync(request));
    }

    /// <summary>Publishes a valid listing with <paramref name="photos"/> small photos; returns its id.</summary>
    public static async Task<string> CreateListingWithPhotosAsync(GraphQLClient client, int photos, Dictionary<string, object?>? overrides = null)
    {
        var response = await PostWithPhotosAsync(client, "mutation($input: CreateListingInput!) { createListing(input: $input) { listing { id } errors { __typename } } }",
            ValidInput(overrides), Enumerable.Range(0, photos).Select(i => ($"{i}.jpg", TestImages.Jpeg(48, 32))).ToArray());
        response.Is(200, HttpExchange.GraphQLResponseJson);
        var payload = response.BodyJson["data"]!["createListing"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return Str(payload["listing"]!["id"]);
    }
}

/// <summary>Listing photos through the API with real multipart requests: create, add, remove, reorder, and refusals that store nothing.</summary>
public sealed partial class ListingPhotoTests(ListingPhotoAppFactory app) : IClassFixture<ListingPhotoAppFactory>
{
    private const string ImageFields = "id thumbnail: url(size: THUMBNAIL) card: url full: url(size: FULL) width height fullWidth: width(size: FULL) fullHeight: height(size: FULL)";

    private const string PhotoErrors = "__typename ... on Error { code message } ... on InvalidInputError { field } ... on TooManyImagesError { limit } "
        + "... on NotAnImageError { field } ... on CorruptImageError { field } ... on ImageTooLargeError { field } ... on FileTooLargeError { field } ... on UnsupportedImageFormatError { field }";

    private static readonly string CreateWithPhotos =
        $"mutation($input: CreateListingInput!) {{ createListing(input: $input) {{ listing {{ id title images {{ {ImageFields} }} }} errors {{ {PhotoErrors} }} }} }}";

    private static readonly string AddPhotos =
        $"mutation($input: AddListingImagesInput!) {{ addListingImages(input: $input) {{ listing {{ id images {{ {ImageFields} }} }} errors {{ {PhotoErrors} }} }} }}";

    private static readonly string RemovePhoto =
        $"mutation($input: RemoveListingImageInput!) {{ removeListingImage(input: $input) {{ listing {{ id images {{ id }} }} errors {{ {AnyError} }} }} }}";

    private static readonly string ReorderPhotos =
        $"mutation($input: ReorderListingImagesInput!) {{ reorderListingImages(input: $input) {{ listing {{ id images {{ id }} }} errors {{ {AnyError} }} }} }}";

    private static readonly string GetPhotos = $"query($id: ID!) {{ listing(id: $id) {{ images {{ {ImageFields} }} }} }}";

    [GeneratedRegex("^/media/[0-9a-f]{32}-(thumbnail|card|full)\\.(jpg|webp)$")]
    private static partial Regex MediaUrl();

    private static Task<HttpExchange> PostWithPhotosAsync(
        GraphQLClient client, string query, Dictionary<string, object?> input, IReadOnlyList<(string Name, byte[] Bytes)> files, bool preflight = true) =>
        ListingPhotoKit.PostWithPhotosAsync(client, query, input, files, preflight);

    private static JsonNode Payload(HttpExchange response, string mutation)
    {
        response.Is(200, HttpExchange.GraphQLResponseJson);
        Assert.False(response.BodyJson.AsObject().ContainsKey("errors"), response.Body);
        return response.BodyJson["data"]![mutation]!;
    }

    private static (string Name, byte[] Bytes) Photo(int i, int width = 640, int height = 480) => ($"photo-{i}.jpg", TestImages.Jpeg(width, height));

    private static Task<HttpExchange> AddAsync(GraphQLClient client, string listingId, params (string Name, byte[] Bytes)[] files) =>
        PostWithPhotosAsync(client, AddPhotos, new() { ["listingId"] = listingId }, files);

    private static string[] ImageIds(JsonNode listing) => listing["images"]!.AsArray().Select(i => Str(i!["id"])).ToArray();

    private async Task<(GraphQLClient Client, string ListingId, string[] ImageIds)> ListingWithPhotosAsync(int count, string name = "Camille")
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client, name);
        var response = await PostWithPhotosAsync(client, CreateWithPhotos, ValidInput(), Enumerable.Range(0, count).Select(i => Photo(i, 64, 48)).ToArray());
        var payload = Payload(response, "createListing");
        Assert.Empty(payload["errors"]!.AsArray());
        return (client, Str(payload["listing"]!["id"]), ImageIds(payload["listing"]!));
    }

    private async Task<string[]> PhotosOf(GraphQLClient client, string listingId) =>
        (await client.PostAsync(GetPhotos, new { id = listingId })).EnsureNoErrors().Data!["listing"]!["images"]!.AsArray().Select(i => Str(i!["id"])).ToArray();

    [Fact]
    public async Task A_listing_is_created_with_two_photos_served_under_media_then_photos_are_added_reordered_and_removed()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);
        var before = app.StoredFiles();

        var created = await PostWithPhotosAsync(client, CreateWithPhotos, ValidInput(), [Photo(0, 2000, 1500), Photo(1, 900, 1200)]);

        var listing = Payload(created, "createListing")["listing"]!;
        var images = listing["images"]!.AsArray();
        Assert.Equal(2, images.Count);
        Assert.Equal((1600, 1200), (images[0]!["fullWidth"]!.GetValue<int>(), images[0]!["fullHeight"]!.GetValue<int>()));
        Assert.Equal((480, 640), (images[1]!["width"]!.GetValue<int>(), images[1]!["height"]!.GetValue<int>()));
        foreach (var image in images)
            foreach (var size in new[] { "thumbnail", "card", "full" })
            {
                var url = Str(image![size]);
                Assert.Matches(MediaUrl(), url);
                var served = await client.Http.GetAsync(url);
                Assert.Equal(200, (int)served.StatusCode);
                Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
            }
        Assert.Equal(before.Length + 6, app.StoredFiles().Length);
        created.MatchSnapshot(o => o.IgnoreField("data.createListing.listing.id")
            .IgnoreFields("data.createListing.listing.images[*].id").IgnoreFields("data.createListing.listing.images[*].thumbnail")
            .IgnoreFields("data.createListing.listing.images[*].card").IgnoreFields("data.createListing.listing.images[*].full"));

        var listingId = Str(listing["id"]);
        var (first, second) = (Str(images[0]!["id"]), Str(images[1]!["id"]));
        var added = Payload(await AddAsync(client, listingId, Photo(2)), "addListingImages");
        Assert.Empty(added["errors"]!.AsArray());
        var third = ImageIds(added["listing"]!)[2];
        Assert.Equal([first, second, third], ImageIds(added["listing"]!));
        Assert.Equal(before.Length + 9, app.StoredFiles().Length);

        var reordered = (await client.PostAsync(ReorderPhotos, new { input = new { listingId, imageIds = new[] { third, first, second } } })).EnsureNoErrors();
        Assert.Empty(reordered.Data!["reorderListingImages"]!["errors"]!.AsArray());
        Assert.Equal([third, first, second], await PhotosOf(client, listingId));

        var firstFiles = images[0]!.AsObject().Where(p => p.Key is "thumbnail" or "card" or "full").Select(p => Path.GetFileName(Str(p.Value))).ToArray();
        var removed = (await client.PostAsync(RemovePhoto, new { input = new { listingId, imageId = first } })).EnsureNoErrors();
        Assert.Empty(removed.Data!["removeListingImage"]!["errors"]!.AsArray());
        Assert.Equal([third, second], await PhotosOf(client, listingId));
        Assert.Equal(before.Length + 6, app.StoredFiles().Length);
        Assert.All(firstFiles, file => Assert.DoesNotContain(file, app.StoredFiles()));
        Assert.Equal(404, (int)(await client.Http.GetAsync(Str(images[0]!["full"]))).StatusCode);
    }

    [Fact]
    public async Task An_eleventh_photo_is_too_many_images_naming_the_limit_and_nothing_is_stored()
    {
        var (client, listingId, ids) = await ListingWithPhotosAsync(6);
        var before = app.StoredFiles();

        var response = await AddAsync(client, listingId, Enumerable.Range(0, 5).Select(i => Photo(i, 64, 48)).ToArray());

        var payload = Payload(response, "addListingImages");
        Assert.Null(payload["listing"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal(("TooManyImagesError", "TOO_MANY_IMAGES", 10), (Str(error["__typename"]), Str(error["code"]), error["limit"]!.GetValue<int>()));
        response.MatchSnapshot();
        Assert.Equal(before, app.StoredFiles());
        Assert.Equal(ids, await PhotosOf(client, listingId));

        // Up to ten is fine.
        Assert.Empty(Payload(await AddAsync(client, listingId, Enumerable.Range(0, 4).Select(i => Photo(i, 64, 48)).ToArray()), "addListingImages")["errors"]!.AsArray());
        Assert.Equal(10, (await PhotosOf(client, listingId)).Length);
    }

    [Fact]
    public async Task Two_requests_adding_photos_at_once_never_take_a_listing_over_ten_and_the_refused_one_stores_nothing()
    {
        var (client, listingId, _) = await ListingWithPhotosAsync(6);
        var before = app.StoredFiles();

        var responses = await Task.WhenAll(
            AddAsync(client, listingId, Enumerable.Range(0, 3).Select(i => Photo(i, 64, 48)).ToArray()),
            AddAsync(client, listingId, Enumerable.Range(0, 3).Select(i => Photo(i, 64, 48)).ToArray()));

        var codes = responses.Select(r => Payload(r, "addListingImages")["errors"]!.AsArray().Select(e => Str(e!["code"])).SingleOrDefault()).ToList();
        Assert.Equal(1, codes.Count(code => code is null));
        Assert.Equal(1, codes.Count(code => code == "TOO_MANY_IMAGES"));
        Assert.Equal(9, (await PhotosOf(client, listingId)).Length);
        Assert.Equal(before.Length + 9, app.StoredFiles().Length);
    }

    public static TheoryData<string, string, string> BadPhotos => new()
    {
        { "text", "NotAnImageError", "NOT_AN_IMAGE" },
        { "truncated", "CorruptImageError", "CORRUPT_IMAGE" },
        { "bomb", "ImageTooLargeError", "IMAGE_TOO_LARGE" },
    };

    private static byte[] BadPhoto(string kind) => kind switch
    {
        "text" => "Ceci n'est pas une photo."u8.ToArray(),
        "truncated" => TestImages.Jpeg(900, 700, noise: true) is var jpeg ? jpeg[..(jpeg.Length * 2 / 3)] : [],
        "bomb" => TestImages.PngHeaderOnly(30_000, 30_000),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(BadPhotos))]
    public async Task A_bad_photo_among_good_ones_is_a_typed_error_naming_it_and_nothing_is_stored(string kind, string typeName, string code)
    {
        var (client, listingId, ids) = await ListingWithPhotosAsync(1);
        var before = app.StoredFiles();

        var response = await AddAsync(client, listingId, Photo(1), ("vacances.jpg", BadPhoto(kind)), Photo(2));

        var payload = Payload(response, "addListingImages");
        Assert.Null(payload["listing"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal((typeName, code, "images[1]"), (Str(error["__typename"]), Str(error["code"]), Str(error["field"])));
        Assert.Equal(before, app.StoredFiles());
        Assert.Equal(ids, await PhotosOf(client, listingId));

        // The same photos at creation: no listing, nothing stored.
        var created = await PostWithPhotosAsync(client, CreateWithPhotos, ValidInput(new() { ["title"] = "Jamais publiée" }), [Photo(1), ("vacances.jpg", BadPhoto(kind))]);
        var createPayload = Payload(created, "createListing");
        Assert.Null(createPayload["listing"]);
        Assert.Equal(code, Str(createPayload["errors"]![0]!["code"]));
        Assert.Equal("images[1]", Str(createPayload["errors"]![0]!["field"]));
        Assert.Equal(before, app.StoredFiles());
        var mine = await client.PostAsync("{ me { listings { totalCount } } }");
        Assert.Equal(1, mine.EnsureNoErrors().Data!["me"]!["listings"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("categoryId", "CATEGORY_NOT_FOUND")]
    [InlineData("itemTypeId", "ITEM_TYPE_NOT_FOUND")]
    public async Task A_listing_refused_for_its_category_or_item_type_is_answered_before_any_photo_is_processed(string field, string code)
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client, "Camille");
        var before = app.StoredFiles();
        var unknown = field == "categoryId" ? CategoryId(999_999) : ItemTypeId("licorne-volante");

        // The second photo is not an image: had the photos been processed first, that would be the error.
        var created = await PostWithPhotosAsync(client, CreateWithPhotos.Replace("... on TooManyImagesError", "... on ItemTypeNotFoundError { field } ... on TooManyImagesError"),
            ValidInput(new() { [field] = unknown }),
            [Photo(1), ("vacances.jpg", BadPhoto("text"))]);

        var payload = Payload(created, "createListing");
        Assert.Null(payload["listing"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal((code, field), (Str(error["code"]), Str(error["field"])));
        Assert.Equal(before, app.StoredFiles());
    }

    [Fact]
    public async Task An_11_MB_photo_is_refused_before_processing_and_nothing_is_stored()
    {
        var (client, listingId, ids) = await ListingWithPhotosAsync(1);
        var before = app.StoredFiles();
        var huge = new byte[11 * 1024 * 1024];
        TestImages.Jpeg(50, 50).CopyTo(huge, 0);

        var response = await AddAsync(client, listingId, Photo(1), ("énorme.jpg", huge));

        response.IsError(413, HttpExchange.GraphQLResponseJson, "FILE_TOO_LARGE");
        Assert.Equal(before, app.StoredFiles());
        Assert.Equal(ids, await PhotosOf(client, listingId));
    }

    [Fact]
    public async Task A_multipart_request_without_the_preflight_header_is_a_400_and_stores_nothing()
    {
        var (client, listingId, ids) = await ListingWithPhotosAsync(1);
        var before = app.StoredFiles();

        var response = await PostWithPhotosAsync(client, AddPhotos, new() { ["listingId"] = listingId }, [Photo(1)], preflight: false);

        response.IsError(400, HttpExchange.GraphQLResponseJson, "CSRF_PREFLIGHT_REQUIRED");
        Assert.Equal(before, app.StoredFiles());
        Assert.Equal(ids, await PhotosOf(client, listingId));
    }

    [Fact]
    public async Task Someone_elses_listing_cannot_be_re_photographed_and_nothing_is_stored()
    {
        var (owner, listingId, ids) = await ListingWithPhotosAsync(2, "Owner");
        var intruder = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, intruder, "Intruder");
        var before = app.StoredFiles();

        var added = Payload(await AddAsync(intruder, listingId, Photo(1)), "addListingImages");
        var removed = (await intruder.PostAsync(RemovePhoto, new { input = new { listingId, imageId = ids[0] } })).EnsureNoErrors().Data!["removeListingImage"]!;
        var reordered = (await intruder.PostAsync(ReorderPhotos, new { input = new { listingId, imageIds = ids.Reverse().ToArray() } })).EnsureNoErrors().Data!["reorderListingImages"]!;

        foreach (var payload in new[] { added, removed, reordered })
        {
            Assert.Null(payload["listing"]);
            Assert.Equal("NOT_OWNER", Str(Assert.Single(payload["errors"]!.AsArray())!["code"]));
        }
        Assert.Equal(before, app.StoredFiles());
        Assert.Equal(ids, await PhotosOf(owner, listingId));
    }

    [Fact]
    public async Task Wrong_ids_the_last_photo_and_a_bad_permutation_are_typed_errors_that_change_nothing()
    {
        var (client, listingId, ids) = await ListingWithPhotosAsync(2);
        var unknownImage = Troc.Graph.Common.GlobalId.Encode("ListingImage", Guid.NewGuid().ToString("N"));
        var unknownListing = Troc.Graph.Common.GlobalId.Encode("Listing", Guid.NewGuid().ToString("N"));

        async Task<(string? Code, string? Field)> Error(string query, string mutation, object input)
        {
            var payload = (await client.PostAsync(query, new { input })).EnsureNoErrors().Data![mutation]!;
            Assert.Null(payload["listing"]);
            var error = Assert.Single(payload["errors"]!.AsArray())!;
            return (Str(error["code"]), error["field"]?.GetValue<string>());
        }

        Assert.Equal(("IMAGE_NOT_FOUND", null), await Error(RemovePhoto, "removeListingImage", new { listingId, imageId = unknownImage }));
        Assert.Equal(("LISTING_NOT_FOUND", null), await Error(RemovePhoto, "removeListingImage", new { listingId = unknownListing, imageId = ids[0] }));
        Assert.Equal(("INVALID_INPUT", "imageIds"), await Error(ReorderPhotos, "reorderListingImages", new { listingId, imageIds = new[] { ids[0] } }));
        Assert.Equal(("INVALID_INPUT", "imageIds"), await Error(ReorderPhotos, "reorderListingImages", new { listingId, imageIds = new[] { ids[0], ids[0] } }));
        Assert.Equal(("INVALID_INPUT", "imageIds"), await Error(ReorderPhotos, "reorderListingImages", new { listingId, imageIds = new[] { ids[0], unknownImage } }));
        Assert.Equal(("LISTING_NOT_FOUND", null), await Error(ReorderPhotos, "reorderListingImages", new { listingId = unknownListing, imageIds = ids }));

        var removed = (await client.PostAsync(RemovePhoto, new { input = new { listingId, imageId = ids[0] } })).EnsureNoErrors();
        Assert.Empty(removed.Data!["removeListingImage"]!["errors"]!.AsArray());
        Assert.Equal(("LAST_IMAGE", "imageId"), await Error(RemovePhoto, "removeListingImage", new { listingId, imageId = ids[1] }));
        Assert.Equal([ids[1]], await PhotosOf(client, listingId));
    }

    [Fact]
    public async Task Gps_exif_is_gone_from_every_stored_size_of_a_listing_photo()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);
        var phonePhoto = TestImages.WithMetadata(TestImages.Jpeg(2400, 1800), orientation: 6, latitude: ExactLatitude, longitude: ExactLongitude);

        var response = await PostWithPhotosAsync(client, CreateWithPhotos, ValidInput(), [("IMG_2024.jpg", phonePhoto)]);

        var image = Payload(response, "createListing")["listing"]!["images"]![0]!;
        Assert.Equal((1200, 1600), (image["fullWidth"]!.GetValue<int>(), image["fullHeight"]!.GetValue<int>()));
        foreach (var size in new[] { "thumbnail", "card", "full" })
        {
            var url = Str(image[size]);
            var stored = await File.ReadAllBytesAsync(app.StoredPath(url));
            TestImages.AssertNoMetadata(stored);
            Assert.Equal(stored, await client.Http.GetByteArrayAsync(url));
        }
    }
}
