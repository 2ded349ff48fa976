using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;
using Troc.Tests.Node;

namespace Troc.Tests.Transport.WebSockets;

/// <summary>The host on a real Kestrel port, so that a real client (not TestServer's in-memory socket) connects.</summary>
public sealed class KestrelWebSocketAppFactory : WebSocketAppFactory
{
    public KestrelWebSocketAppFactory() => UseKestrel(0);

    /// <summary>Starts Kestrel (once) and returns the GraphQL WebSocket URL it listens on.</summary>
    public string StartAndGetGraphQLWebSocketUrl()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new UriBuilder(address) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();
    }
}

/// <summary>
/// The npm <c>graphql-ws</c> client (with <c>ws</c>), the one frontends use, runs a query, a mutation and
/// subscriptions against the server, and gets the errors and close codes it expects.
/// </summary>
public sealed class GraphQLWsClientTests(KestrelWebSocketAppFactory app) : IClassFixture<KestrelWebSocketAppFactory>
{
    [Fact]
    public async Task The_graphql_ws_client_runs_queries_mutations_and_subscriptions()
    {
        var run = await NodeScript.RunAsync("ws-client.mjs", [app.StartAndGetGraphQLWebSocketUrl()], TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, $"ws-client.mjs exited with {run.ExitCode}: {run.Errors}\n{run.Output}");
        var report = JsonNode.Parse(run.Output)!;

        TransportWsTestClient.AssertJson("""[{"data":{"greeting":"Bonjour graphql-ws !","viewer":null}}]""", report["query"]!["results"]!);
        TransportWsTestClient.AssertJson("""[{"data":{"addToTotal":5}}]""", report["mutation"]!["results"]!);
        Assert.Equal([1, 2, 3], report["subscription"]!["results"]!.AsArray().Select(r => (int)r!["data"]!["counter"]!["value"]!));
        Assert.Contains("noSuchField", (string?)report["validationError"]!["errors"]![0]);
        Assert.All(report["authenticated"]!["results"]!.AsArray(), r => Assert.Equal("alice", (string?)r!["data"]!["counter"]!["viewer"]));
        TransportWsTestClient.AssertJson("""{"code":4403,"reason":"Forbidden"}""", report["forbidden"]!["closed"]!);
        Snapshot.Match(JToken.Parse(run.Output));
    }
}
