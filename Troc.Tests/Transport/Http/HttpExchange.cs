using System.Text;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace Troc.Tests.Transport.Http;

/// <summary>
/// One raw HTTP exchange with /graphql, with nothing set that the test did not ask for: transport tests are about
/// exactly those headers and bodies.
/// </summary>
public sealed record HttpExchange(int StatusCode, string? MediaType, string? ContentType, HttpResponseMessage Response, string Body)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public static Task<HttpExchange> PostAsync(HttpClient client, string body, string? contentType = Json, string? accept = GraphQLResponseJson) =>
        SendAsync(client, HttpMethod.Post, "/graphql", body, contentType, accept);

    public static Task<HttpExchange> GetAsync(HttpClient client, string query, string? variables = null, string? operationName = null, string? accept = GraphQLResponseJson)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query);
        if (variables is not null) url += "&variables=" + Uri.EscapeDataString(variables);
        if (operationName is not null) url += "&operationName=" + Uri.EscapeDataString(operationName);
        return SendAsync(client, HttpMethod.Get, url, body: null, contentType: null, accept);
    }

    public static async Task<HttpExchange> SendAsync(
        HttpClient client, HttpMethod method, string url, string? body, string? contentType, string? accept,
        IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        return await ReadAsync(await client.SendAsync(request));
    }

    public static async Task<HttpExchange> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var contentType = response.Content.Headers.ContentType;
        return new HttpExchange((int)response.StatusCode, contentType?.MediaType, contentType?.ToString(), response, body);
    }

    public JsonNode BodyJson => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");

    public JsonArray Errors => BodyJson["errors"]?.AsArray() ?? throw new Xunit.Sdk.XunitException($"no errors in {Body}");

    public string FirstErrorMessage => Errors[0]!["message"]!.GetValue<string>();

    public string FirstErrorCode => Errors[0]!["extensions"]!["code"]!.GetValue<string>();

    /// <summary>Snapshots the body as indented JSON, named after the calling test, like GraphQLResponse.MatchSnapshot.</summary>
    public void MatchSnapshot(Func<MatchOptions, MatchOptions>? options = null) =>
        Snapshot.Match(JToken.Parse(Body), options ?? (o => o));

    public bool HasData => BodyJson is JsonObject result && result.ContainsKey("data");

    public string? Header(string name) =>
        Response.Headers.TryGetValues(name, out var values) || Response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>Asserts status, media type and UTF-8 together: the spec ties each status to a media type.</summary>
    public HttpExchange Is(int statusCode, string mediaType)
    {
        Assert.True(statusCode == StatusCode, $"expected {statusCode}, got {StatusCode}: {Body}");
        Assert.Equal(mediaType, MediaType);
        Assert.Equal("utf-8", Response.Content.Headers.ContentType?.CharSet);
        return this;
    }

    /// <summary>A refused request: one error with the expected code and no data entry (nothing ran).</summary>
    public HttpExchange IsError(int statusCode, string mediaType, string code)
    {
        Is(statusCode, mediaType);
        Assert.False(HasData, $"a refused request has no data entry: {Body}");
        Assert.Equal(code, FirstErrorCode);
        return this;
    }
}
