using Troc.Tests.Infrastructure;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

public sealed class CorsTests(CorsTests.AllowListApp app) : IClassFixture<CorsTests.AllowListApp>
{
    public const string AllowedOrigin = "https://app.troc.test";
    private const string OtherOrigin = "https://evil.example";

    public sealed class AllowListApp : TrocAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = AllowedOrigin,
        };
    }

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_listed_origin_passes_the_preflight_with_the_headers_a_graphql_client_sends()
    {
        var response = await PreflightAsync(AllowedOrigin, "content-type, authorization, graphql-preflight, accept");

        Assert.Equal(204, response.StatusCode);
        Assert.Equal(AllowedOrigin, response.Header("Access-Control-Allow-Origin"));
        var allowedHeaders = response.Header("Access-Control-Allow-Headers")!.ToLowerInvariant();
        foreach (var header in new[] { "content-type", "authorization", "graphql-preflight", "accept" })
            Assert.Contains(header, allowedHeaders);
        Assert.Contains("POST", response.Header("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task An_unlisted_origin_gets_no_cors_permission()
    {
        var preflight = await PreflightAsync(OtherOrigin, "content-type");
        var post = await SendAsync(_client, HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", Json, Json,
            new Dictionary<string, string> { ["Origin"] = OtherOrigin });

        Assert.Null(preflight.Header("Access-Control-Allow-Origin"));
        Assert.Null(post.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_listed_origin_may_read_the_response()
    {
        var response = await SendAsync(_client, HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", Json, Json,
            new Dictionary<string, string> { ["Origin"] = AllowedOrigin });

        response.Is(200, Json);
        Assert.Equal(AllowedOrigin, response.Header("Access-Control-Allow-Origin"));
    }

    private Task<HttpExchange> PreflightAsync(string origin, string requestHeaders) =>
        SendAsync(_client, HttpMethod.Options, "/graphql", null, null, null, new Dictionary<string, string>
        {
            ["Origin"] = origin,
            ["Access-Control-Request-Method"] = "POST",
            ["Access-Control-Request-Headers"] = requestHeaders,
        });
}

public sealed class DefaultCorsTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task By_default_no_origin_is_allowed()
    {
        var response = await SendAsync(app.CreateClient(), HttpMethod.Options, "/graphql", null, null, null, new Dictionary<string, string>
        {
            ["Origin"] = "http://localhost:5173",
            ["Access-Control-Request-Method"] = "POST",
        });

        Assert.Null(response.Header("Access-Control-Allow-Origin"));
    }
}
