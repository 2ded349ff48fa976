using Troc.Tests.Infrastructure;

namespace Troc.Tests.Transport.WebSockets;

/// <summary>
/// Browsers apply no CORS to WebSockets, so the upgrade's Origin is checked against Cors:AllowedOrigins and the server's
/// own host; programs send no Origin and are let through.
/// </summary>
public sealed class WebSocketOriginTests(WebSocketOriginTests.App app) : IClassFixture<WebSocketOriginTests.App>
{
    public const string AllowedOrigin = "https://app.troc.test";

    public sealed class App : TrocAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = AllowedOrigin,
        };
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    [InlineData("https://app.troc.test.evil.example")]
    public async Task An_upgrade_from_a_foreign_origin_is_refused_with_403(string origin)
    {
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectFromAsync(origin));

        Assert.Contains("403", refusal.Message);
    }

    [Theory]
    [InlineData(AllowedOrigin)]
    [InlineData("http://localhost")]
    [InlineData("https://localhost:5000")]
    [InlineData(null)]
    public async Task An_upgrade_from_a_listed_origin_this_server_or_no_browser_at_all_is_accepted(string? origin)
    {
        await using var socket = await ConnectFromAsync(origin);
        await socket.InitAsync();

        Assert.Empty(await socket.PingAndCollectUntilPongAsync("open"));
    }

    private Task<TransportWsTestClient> ConnectFromAsync(string? origin) =>
        TransportWsTestClient.ConnectAsync(app.Server, ["graphql-transport-ws"], request =>
        {
            if (origin is not null) request.Headers.Origin = origin;
        });
}
