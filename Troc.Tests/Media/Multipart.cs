using System.Net.Http.Headers;
using System.Text;
using Troc.Tests.Transport.Http;

namespace Troc.Tests.Media;

/// <summary>Builds GraphQL multipart requests (operations, map, files) the way apollo-upload-client does, or broken on purpose.</summary>
public static class Multipart
{
    public sealed record FilePart(string Field, string FileName, string ContentType, byte[] Content);

    public static FilePart File(string field, string fileName, byte[] content, string contentType = "image/jpeg") =>
        new(field, fileName, contentType, content);

    /// <summary>The parts in the order given: "operations" and "map" are left out when null, to test their absence.</summary>
    public static MultipartFormDataContent Content(string? operations, string? map, params FilePart[] files)
    {
        var content = new MultipartFormDataContent("troc-test-boundary-" + Guid.NewGuid().ToString("N"));
        if (operations is not null) content.Add(new StringContent(operations, Encoding.UTF8), "operations");
        if (map is not null) content.Add(new StringContent(map, Encoding.UTF8), "map");
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }
        return content;
    }

    public static async Task<HttpExchange> PostAsync(
        HttpClient client, HttpContent content, bool preflight = true, string accept = HttpExchange.GraphQLResponseJson)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (preflight) request.Headers.Add("GraphQL-Preflight", "1");
        return await HttpExchange.ReadAsync(await client.SendAsync(request));
    }

    public const string UploadOne = """
        mutation($file: Upload!) {
          uploadTestImage(file: $file) {
            images {
              thumbnail: url(size: THUMBNAIL) card: url full: url(size: FULL)
              thumbnailWidth: width(size: THUMBNAIL) thumbnailHeight: height(size: THUMBNAIL)
              width height
              fullWidth: width(size: FULL) fullHeight: height(size: FULL)
            }
            errors { __typename ... on Error { code message } ... on NotAnImageError { field } ... on CorruptImageError { field } ... on ImageTooLargeError { field } ... on FileTooLargeError { field } ... on UnsupportedImageFormatError { field } }
          }
        }
        """;

    /// <summary>One photo to <c>uploadTestImage</c>, as a client library would send it.</summary>
    public static Task<HttpExchange> UploadOneAsync(HttpClient client, string fileName, byte[] content, string contentType = "image/jpeg") =>
        PostAsync(client, Content(
            Operations(UploadOne, """{"file":null}"""),
            """{"0":["variables.file"]}""",
            File("0", fileName, content, contentType)));

    public static string Operations(string query, string variables) =>
        $$"""{"query":{{System.Text.Json.JsonSerializer.Serialize(query)}},"variables":{{variables}}}""";
}
