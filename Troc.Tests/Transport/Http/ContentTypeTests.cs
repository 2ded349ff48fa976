using Troc.Tests.Infrastructure;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

/// <summary>Only JSON may carry an operation: the other bodies a browser sends cross-site without a preflight must not run.</summary>
public sealed class ContentTypeTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string Typename = """{"query":"{ __typename }"}""";
    private readonly HttpClient _client = app.CreateClient();

    [Theory]
    [InlineData("text/plain", "Content-Type 'text/plain' is not supported: send application/json.")]
    [InlineData("text/plain; charset=utf-8", "Content-Type 'text/plain' is not supported: send application/json.")]
    [InlineData("application/x-www-form-urlencoded", "Content-Type 'application/x-www-form-urlencoded' is not supported: send application/json.")]
    [InlineData("application/graphql", "Content-Type 'application/graphql' is not supported: send application/json.")]
    [InlineData("application/json; charset=iso-8859-1", "Charset 'iso-8859-1' is not supported: JSON bodies must be UTF-8.")]
    public async Task Unsupported_content_types_are_415(string contentType, string message)
    {
        var response = await PostAsync(_client, Typename, contentType);

        response.IsError(415, GraphQLResponseJson, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Equal(message, response.FirstErrorMessage);
    }

    [Fact]
    public async Task A_post_without_content_type_is_415()
    {
        var response = await PostAsync(_client, Typename, contentType: null);

        response.IsError(415, GraphQLResponseJson, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Equal("The request has no Content-Type: send the body as application/json.", response.FirstErrorMessage);
        response.MatchSnapshot();
    }

    [Fact]
    public async Task Multipart_without_the_preflight_header_is_refused_as_csrf()
    {
        using var form = new MultipartFormDataContent { { new StringContent(Typename), "operations" } };

        var response = await ReadAsync(await _client.PostAsync("/graphql", form));

        response.IsError(400, Json, "CSRF_PREFLIGHT_REQUIRED");
        Assert.Equal("multipart/form-data requests must carry the header 'GraphQL-Preflight: 1' (CSRF protection).", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Multipart_with_the_preflight_header_runs_as_a_graphql_multipart_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new MultipartFormDataContent { { new StringContent(Typename), "operations" }, { new StringContent("{}"), "map" } },
        };
        request.Headers.Add("GraphQL-Preflight", "1");

        var response = await ReadAsync(await _client.SendAsync(request));

        response.Is(200, Json);
        Assert.Equal("Query", response.BodyJson["data"]!["__typename"]!.GetValue<string>());
    }
}
