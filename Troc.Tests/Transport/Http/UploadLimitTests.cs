using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Troc.Tests.Media;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

/// <summary>Upload limits come from "Graph:Uploads" (and the JSON limit of "Graph:Http" for operations and map).</summary>
public sealed class UploadLimitTests(UploadLimitTests.SmallUploadsApp app) : IClassFixture<UploadLimitTests.SmallUploadsApp>, IDisposable
{
    public sealed class SmallUploadsApp : MediaAppFactory
    {
        protected override IDictionary<string, string?> Limits => new Dictionary<string, string?>
        {
            ["Graph:Uploads:MaxFileBytes"] = "1024",
            ["Graph:Uploads:MaxFiles"] = "2",
            ["Graph:Http:MaxRequestBytes"] = "2048",
        };
    }

    // 2 files × 1024 + 2 × 2048 (operations, map) + 64 KiB for part headers and boundaries.
    private const long BodyLimit = 2 * 1024 + 2 * 2048 + 64 * 1024;

    private const string Describe = "mutation($files: [Upload!]!) { describeUploads(files: $files) { length } }";

    private readonly HttpClient _client = app.CreateClient();

    public void Dispose() => Assert.Empty(app.SpooledFiles());

    private static MultipartFormDataContent Files(params int[] sizes) => Multipart.Content(
        Multipart.Operations(Describe, "{\"files\":[" + string.Join(",", sizes.Select(_ => "null")) + "]}"),
        "{" + string.Join(",", sizes.Select((_, i) => $"\"{i}\":[\"variables.files.{i}\"]")) + "}",
        sizes.Select((size, i) => Multipart.File(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"f{i}.bin", new byte[size])).ToArray());

    [Fact]
    public async Task Files_at_the_limits_pass()
    {
        var response = await Multipart.PostAsync(_client, Files(1024, 1024));

        response.Is(200, GraphQLResponseJson);
        Assert.Equal(1024, response.BodyJson["data"]!["describeUploads"]![1]!["length"]!.GetValue<int>());
    }

    [Fact]
    public async Task One_byte_over_the_file_limit_is_413_file_too_large()
    {
        var response = await Multipart.PostAsync(_client, Files(10, 1025));

        response.IsError(413, GraphQLResponseJson, "FILE_TOO_LARGE");
        Assert.Equal("The file in multipart field '1' (f1.bin) exceeds the limit of 1024 bytes (0 MB) per file.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task One_file_over_the_count_is_413_too_many_files()
    {
        var response = await Multipart.PostAsync(_client, Files(1, 1, 1));

        response.IsError(413, GraphQLResponseJson, "TOO_MANY_FILES");
        Assert.Equal("The request uploads 3 files; at most 2 are allowed in one request.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Operations_over_the_json_limit_is_413_naming_the_field()
    {
        var content = Multipart.Content(
            Multipart.Operations("{ __typename }" + new string(' ', 3000), "{}"), "{}");

        var response = await Multipart.PostAsync(_client, content);

        response.IsError(413, GraphQLResponseJson, "PAYLOAD_TOO_LARGE");
        Assert.Equal("The \"operations\" multipart field exceeds the limit of 2048 bytes.", response.FirstErrorMessage);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_multipart_limit_is_413_whether_or_not_its_length_is_announced(bool announced)
    {
        // The limit can only be passed with bytes that are neither files nor fields: a huge preamble does it.
        const string boundary = "b";
        var body = Encoding.ASCII.GetBytes(new string('x', (int)BodyLimit + 1) + $"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{{\"query\":\"{{ __typename }}\"}}\r\n--{boundary}--\r\n");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = announced ? new ByteArrayContent(body) : new UnannouncedContent(body),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        request.Headers.Add("GraphQL-Preflight", "1");
        request.Headers.Add("Accept", GraphQLResponseJson);

        var response = await ReadAsync(await _client.SendAsync(request));

        response.IsError(413, GraphQLResponseJson, "PAYLOAD_TOO_LARGE");
        Assert.Equal($"The multipart request body exceeds the limit of {BodyLimit} bytes.", response.FirstErrorMessage);
    }

    private sealed class UnannouncedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}

/// <summary>
/// On a real Kestrel socket, whose own body limit (about 28.6 MiB by default) is below a full upload: the transport
/// raises it for multipart requests to the upload limit.
/// </summary>
public sealed class KestrelUploadTests(MediaAppFactory app) : IClassFixture<MediaAppFactory>
{
    [Fact]
    public async Task Thirty_two_megabytes_of_files_pass_kestrels_default_body_limit()
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{new Uri(address).Port}"), Timeout = TimeSpan.FromMinutes(2) };
        const int eightMegabytes = 8 * 1024 * 1024;
        var content = Multipart.Content(
            Multipart.Operations("mutation($files: [Upload!]!) { describeUploads(files: $files) { length } }", "{\"files\":[null,null,null,null]}"),
            """{"0":["variables.files.0"],"1":["variables.files.1"],"2":["variables.files.2"],"3":["variables.files.3"]}""",
            Enumerable.Range(0, 4).Select(i => Multipart.File($"{i}", $"{i}.bin", new byte[eightMegabytes])).ToArray());

        var response = await Multipart.PostAsync(client, content);

        response.Is(200, GraphQLResponseJson);
        Assert.All(response.BodyJson["data"]!["describeUploads"]!.AsArray(), upload => Assert.Equal(eightMegabytes, upload!["length"]!.GetValue<int>()));
        // Kestrel sends the response before it disposes the request's resources, the spool among them.
        await Realtime.Eventually.TrueAsync(() => app.SpooledFiles().Length == 0, "the spooled files are deleted");
    }
}

/// <summary>The same body limit on a real Kestrel socket, where the server's own cap is also in play.</summary>
public sealed class KestrelUploadLimitTests(UploadLimitTests.SmallUploadsApp app) : IClassFixture<UploadLimitTests.SmallUploadsApp>
{
    [Fact]
    public async Task A_body_of_unannounced_length_over_the_limit_is_413_not_a_server_error()
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{new Uri(address).Port}") };
        const string boundary = "b";
        var body = Encoding.ASCII.GetBytes(new string('x', 200 * 1024) + $"\r\n--{boundary}--\r\n");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StreamContent(new MemoryStream(body)) };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        request.Headers.Add("GraphQL-Preflight", "1");
        request.Headers.Add("Accept", GraphQLResponseJson);

        var response = await ReadAsync(await client.SendAsync(request));

        response.IsError(413, GraphQLResponseJson, "PAYLOAD_TOO_LARGE");
    }
}
