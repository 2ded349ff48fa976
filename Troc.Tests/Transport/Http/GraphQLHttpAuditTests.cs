using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Troc.Tests.Infrastructure;
using Troc.Tests.Node;
using Xunit.Abstractions;

namespace Troc.Tests.Transport.Http;

/// <summary>
/// graphql-http's audit suite, the reference check of the GraphQL-over-HTTP spec, run against the real server on
/// a real socket: every MUST and SHOULD must pass; a failed MAY is only reported.
/// </summary>
public sealed class GraphQLHttpAuditTests(TrocAppFactory app, ITestOutputHelper output) : IClassFixture<TrocAppFactory>
{
    private sealed record AuditResult(string Id, string Name, string Status, string? Reason)
    {
        public bool IsRequired => Name.StartsWith("MUST", StringComparison.Ordinal) || Name.StartsWith("SHOULD", StringComparison.Ordinal);

        public override string ToString() => $"{Id} [{Status}] {Name}{(Reason is null ? "" : $": {Reason}")}";
    }

    [Fact]
    public async Task Every_must_and_should_audit_of_graphql_http_passes()
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = $"http://127.0.0.1:{new Uri(address).Port}/graphql";

        var run = await NodeScript.RunAsync("http-audit.mjs", [url], TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, $"http-audit.mjs exited with {run.ExitCode}: {run.Errors}");
        var results = JsonSerializer.Deserialize<List<AuditResult>>(run.Output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var counts = results.GroupBy(result => result.Status).Select(group => $"{group.Count()} {group.Key}");
        output.WriteLine($"graphql-http audits against {url}: {string.Join(", ", counts)}");
        foreach (var optional in results.Where(result => !result.IsRequired && result.Status != "ok"))
            output.WriteLine($"MAY not met: {optional}");

        Assert.True(results.Count >= 50, $"only {results.Count} audits ran: {run.Output}");
        var failed = results.Where(result => result.IsRequired && result.Status != "ok").ToList();
        Assert.True(failed.Count == 0, "Failed audits:\n" + string.Join("\n", failed));
    }
}
