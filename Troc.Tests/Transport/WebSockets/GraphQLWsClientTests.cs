using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

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
        var output = await RunNodeScriptAsync("ws-client.mjs", app.StartAndGetGraphQLWebSocketUrl());
        var report = JsonNode.Parse(output)!;

        TransportWsTestClient.AssertJson("""[{"data":{"greeting":"Bonjour graphql-ws !","viewer":null}}]""", report["query"]!["results"]!);
        TransportWsTestClient.AssertJson("""[{"data":{"addToTotal":5}}]""", report["mutation"]!["results"]!);
        Assert.Equal([1, 2, 3], report["subscription"]!["results"]!.AsArray().Select(r => (int)r!["data"]!["counter"]!["value"]!));
        Assert.Contains("noSuchField", (string?)report["validationError"]!["errors"]![0]);
        Assert.All(report["authenticated"]!["results"]!.AsArray(), r => Assert.Equal("alice", (string?)r!["data"]!["counter"]!["viewer"]));
        TransportWsTestClient.AssertJson("""{"code":4403,"reason":"Forbidden"}""", report["forbidden"]!["closed"]!);
        Snapshot.Match(output.ReplaceLineEndings("\n").Trim());
    }

    private static async Task<string> RunNodeScriptAsync(string script, params string[] arguments)
    {
        var nodeFolder = Path.Combine(FindRepositoryRoot(), "Troc.Tests", "Node");
        Assert.True(Directory.Exists(Path.Combine(nodeFolder, "node_modules", "graphql-ws")),
            $"{nodeFolder}/node_modules is missing: run ./troc test or npm ci --prefix Troc.Tests/Node");

        var start = new ProcessStartInfo("node") { WorkingDirectory = nodeFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in 2 minutes. stderr: {await stderr}");
        }
        Assert.True(process.ExitCode == 0, $"node {script} exited with {process.ExitCode}. stderr: {await stderr} stdout: {await stdout}");
        return await stdout;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Troc.slnx"))) return folder.FullName;
        throw new InvalidOperationException($"No Troc.slnx in any folder above {AppContext.BaseDirectory}.");
    }
}
