using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Troc.Graph.Ide;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Ide;

/// <summary>
/// A browser opening /graphql gets Banana Cake Pop, configured for this server; GraphQL requests to the same URL do
/// not. Needs the npm package, which `./troc test` installs before the tests run.
/// </summary>
public sealed partial class BananaCakePopTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_browser_opening_graphql_gets_the_ide_page()
    {
        using var response = await GetAsync("/graphql", BrowserAccept);
        var page = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode != HttpStatusCode.ServiceUnavailable,
            $"Banana Cake Pop is not installed. Run `{BananaCakePopAssets.InstallCommand}` (./troc test does it) and rerun the tests.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Banana Cake Pop</title>", page);
        // Scripts are referenced relatively; the base keeps them under /graphql/ although the page is at /graphql.
        Assert.Contains("<head><base href=\"/graphql/\"/>", page);
    }

    [Fact]
    public async Task The_ide_page_may_not_be_framed_and_runs_only_its_own_scripts_against_this_server()
    {
        using var response = await GetAsync("/graphql", BrowserAccept);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single().Split("; ");

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self' 'unsafe-eval'", policy);
        Assert.Contains("connect-src 'self' ws://localhost", policy);
        Assert.Contains("object-src 'none'", policy);
    }

    [Fact]
    public async Task The_scripts_the_page_loads_are_served_under_graphql()
    {
        using var pageResponse = await GetAsync("/graphql/", BrowserAccept);
        var page = await pageResponse.Content.ReadAsStringAsync();
        var scripts = ScriptSource().Matches(page).Select(match => match.Groups[1].Value).ToArray();

        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            using var response = await GetAsync("/graphql/" + script, "*/*");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/graphql/{script}: {(int)response.StatusCode}");
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task The_ide_configuration_points_at_this_servers_graphql_endpoint()
    {
        using var response = await GetAsync("/graphql/bcp-config.json", "application/json");
        var config = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Troc", config["title"]!.GetValue<string>());
        Assert.Equal("/graphql", config["endpoint"]!.GetValue<string>());
        Assert.True(config["useBrowserUrlAsEndpoint"]!.GetValue<bool>());
        Assert.Equal("ws://localhost/graphql", config["subscriptionEndpoint"]!.GetValue<string>());
        Assert.Equal("graphql-transport-ws", config["subscriptionProtocol"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/graphql?query=%7B__typename%7D", BrowserAccept)]
    [InlineData("/graphql?query=%7B__typename%7D", "application/graphql-response+json")]
    [InlineData("/graphql", "application/json")]
    public async Task GraphQL_requests_to_the_same_url_are_left_to_the_transport(string url, string accept)
    {
        using var response = await GetAsync(url, accept);
        var body = await response.Content.ReadAsStringAsync();

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Banana Cake Pop", body);
    }

    [Fact]
    public async Task Posting_to_graphql_still_runs_operations()
    {
        var response = await app.CreateGraphQLClient().PostAsync("{ __typename }");

        response.EnsureNoErrors();
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await app.CreateClient().SendAsync(request);
    }

    [GeneratedRegex("<script[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}

/// <summary>Without the npm package the page says how to install it, instead of failing obscurely.</summary>
public sealed class BananaCakePopNotInstalledTests(BananaCakePopNotInstalledTests.AppWithoutIde app)
    : IClassFixture<BananaCakePopNotInstalledTests.AppWithoutIde>
{
    public sealed class AppWithoutIde : TrocAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Graph:Ide:AssetsPath"] = "/nonexistent/bananacakepop",
        };
    }

    [Fact]
    public async Task A_browser_gets_a_503_page_saying_how_to_install_the_ide()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await app.CreateClient().SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(BananaCakePopAssets.InstallCommand, page);
    }
}
