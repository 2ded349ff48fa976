using System.Security.Cryptography;
using System.Text;
using Troc.Tests.Media;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

/// <summary>
/// The GraphQL multipart request spec at the transport: operations, map, files; every way of getting it wrong is a
/// 400 naming the problem, and no spooled file outlives its request.
/// </summary>
public sealed class MultipartRequestTests(MediaAppFactory app) : IClassFixture<MediaAppFactory>, IDisposable
{
    private const string Describe = "mutation($files: [Upload!]!, $extra: Upload) { describeUploads(files: $files, extra: $extra) { field fileName contentType length sha256 } }";

    private readonly HttpClient _client = app.CreateClient();

    public void Dispose() => Assert.Empty(app.SpooledFiles());

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static MultipartFormDataContent OneFile(string operations, string map, string field = "0") =>
        Multipart.Content(operations, map, Multipart.File(field, "a.bin", "bonjour"u8.ToArray(), "text/plain"));

    private Task<HttpExchange> PostAsync(HttpContent content, bool preflight = true) => Multipart.PostAsync(_client, content, preflight);

    [Fact]
    public async Task Files_reach_the_resolver_byte_for_byte_with_their_declared_name_and_type_and_one_file_may_fill_two_slots()
    {
        var photo = TestImages.Jpeg(64, 48);
        var content = Multipart.Content(
            Multipart.Operations(Describe, """{"files":[null,null],"extra":null}"""),
            """{"photo":["variables.files.0","variables.extra"],"notes":["variables.files.1"]}""",
            Multipart.File("photo", "été.jpg", photo),
            Multipart.File("notes", "notes.txt", "du texte"u8.ToArray(), "text/plain"));

        var response = await PostAsync(content);

        response.Is(200, GraphQLResponseJson);
        var uploads = response.BodyJson["data"]!["describeUploads"]!.AsArray();
        Assert.Equal(3, uploads.Count);
        Assert.Equal(Sha256(photo), uploads[0]!["sha256"]!.GetValue<string>());
        Assert.Equal(Sha256(photo), uploads[2]!["sha256"]!.GetValue<string>());
        Assert.Equal("été.jpg", uploads[0]!["fileName"]!.GetValue<string>());
        Assert.Equal(photo.Length, uploads[0]!["length"]!.GetValue<int>());
        Assert.Equal("text/plain", uploads[1]!["contentType"]!.GetValue<string>());
        Assert.Equal(Sha256("du texte"u8.ToArray()), uploads[1]!["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_places_files_by_operation_index()
    {
        var operations = $$"""[{{Multipart.Operations(Describe, """{"files":[null]}""")}},{{Multipart.Operations(Describe, """{"files":[null]}""")}}]""";
        var content = Multipart.Content(operations, """{"x":["0.variables.files.0"],"y":["1.variables.files.0"]}""",
            Multipart.File("x", "x.txt", "premier"u8.ToArray(), "text/plain"),
            Multipart.File("y", "y.txt", "second"u8.ToArray(), "text/plain"));

        var response = await PostAsync(content);

        response.Is(200, GraphQLResponseJson);
        var results = response.BodyJson.AsArray();
        Assert.Equal("x", results[0]!["data"]!["describeUploads"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("y", results[1]!["data"]!["describeUploads"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_multipart_request_with_no_files_runs_like_json()
    {
        var response = await PostAsync(Multipart.Content("""{"query":"{ __typename }"}""", "{}"));

        response.Is(200, GraphQLResponseJson);
        Assert.Equal("Query", response.BodyJson["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_the_preflight_header_a_complete_upload_is_refused_as_csrf()
    {
        var content = OneFile(Multipart.Operations(Describe, """{"files":[null]}"""), """{"0":["variables.files.0"]}""");

        var response = await PostAsync(content, preflight: false);

        response.IsError(400, GraphQLResponseJson, "CSRF_PREFLIGHT_REQUIRED");
    }

    [Fact]
    public async Task A_map_path_pointing_nowhere_is_a_400_naming_the_path()
    {
        var content = OneFile(Multipart.Operations(Describe, """{"files":[null]}"""), """{"0":["variables.photo"]}""");

        var response = await PostAsync(content);

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.Equal("The \"map\" path 'variables.photo' for file field '0' points nowhere in \"operations\": there is no \"photo\" at \"variables\".", response.FirstErrorMessage);
        response.MatchSnapshot();
    }

    public static TheoryData<string, string, string, string> Malformed => new()
    {
        { "operations not JSON", "{\"query\": ", """{"0":["variables.files.0"]}""", "The \"operations\" multipart field is not valid JSON" },
        { "operations not an object", "42", """{"0":["variables.files.0"]}""", "The \"operations\" multipart field must be a JSON object" },
        { "map not JSON", "OPS", "{0:", "The \"map\" multipart field is not valid JSON" },
        { "map not an object", "OPS", """["variables.files.0"]""", "The \"map\" multipart field must be a JSON object" },
        { "map entry not a list", "OPS", """{"0":"variables.files.0"}""", "The \"map\" entry '0' must be a non-empty array of object paths" },
        { "index past the list", "OPS", """{"0":["variables.files.3"]}""", "\"variables.files\" is a list of 1, and \"3\" is not an index in it" },
        { "outside variables", "OPS", """{"0":["query"]}""", "files can only go into the operation's variables" },
        { "slot not null", """{"query":"mutation($files: [Upload!]!) { describeUploads(files: $files) { length } }","variables":{"files":["déjà là"]}}""", """{"0":["variables.files.0"]}""", "the value there must be null" },
        { "batch index missing", """[{"query":"{ __typename }","variables":{"f":null}}]""", """{"0":["variables.f"]}""", "in a batch, a path starts with the operation's index" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_operations_or_map_are_400s_naming_the_problem(string why, string operations, string map, string message)
    {
        operations = operations == "OPS" ? Multipart.Operations(Describe, """{"files":[null]}""") : operations;

        var response = await PostAsync(OneFile(operations, map));

        Assert.True(response.StatusCode == 400, $"{why}: {response.Body}");
        Assert.Contains(message, response.FirstErrorMessage);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task A_map_entry_without_its_file_part_is_a_400()
    {
        var content = OneFile(Multipart.Operations(Describe, """{"files":[null,null]}"""), """{"0":["variables.files.0"],"1":["variables.files.1"]}""");

        var response = await PostAsync(content);

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.Equal("The file for \"map\" entry '1' is missing: no multipart field of that name follows \"map\".", response.FirstErrorMessage);
    }

    [Fact]
    public async Task A_file_part_not_in_the_map_is_a_400()
    {
        var content = OneFile(Multipart.Operations(Describe, """{"files":[null]}"""), """{"0":["variables.files.0"]}""", field: "stray");

        var response = await PostAsync(content);

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.Equal("The multipart field 'stray' is not in \"map\": every field after \"map\" must be a file that \"map\" places.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Fields_out_of_order_are_a_400_saying_the_order()
    {
        var content = Multipart.Content(null, """{"0":["variables.files.0"]}""");
        content.Add(new StringContent(Multipart.Operations(Describe, """{"files":[null]}""")), "operations");

        var response = await PostAsync(content);

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.Equal("The multipart field \"operations\" must be the first field (\"operations\", then \"map\", then the files), but 'map' came instead.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task A_body_cut_before_its_closing_boundary_is_a_400()
    {
        const string boundary = "cut-here";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{{\"query\":\"{{ __typename }}\"}}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{{\"0\":";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        request.Headers.Add("GraphQL-Preflight", "1");
        request.Headers.Add("Accept", GraphQLResponseJson);

        var response = await ReadAsync(await _client.SendAsync(request));

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.StartsWith("The multipart body is malformed", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Multipart_without_a_boundary_is_a_400()
    {
        var response = await SendAsync(_client, HttpMethod.Post, "/graphql", "x", "multipart/form-data", GraphQLResponseJson,
            new Dictionary<string, string> { ["GraphQL-Preflight"] = "1" });

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.Contains("boundary", response.FirstErrorMessage);
    }

    [Fact]
    public async Task An_upload_cannot_be_written_inline_or_sent_as_a_json_string()
    {
        var inline = await HttpExchange.PostAsync(_client, """{"query":"mutation { describeUploads(files: [\"photo.jpg\"]) { length } }"}""");
        var asString = await HttpExchange.PostAsync(_client, """{"query":"mutation($f: [Upload!]!) { describeUploads(files: $f) { length } }","variables":{"f":["photo.jpg"]}}""");

        inline.Is(400, GraphQLResponseJson);
        Assert.Contains("Upload", inline.FirstErrorMessage);
        asString.Is(400, GraphQLResponseJson);
        Assert.Contains("$f", asString.FirstErrorMessage);
    }
}
