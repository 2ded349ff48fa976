using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Troc.Graph.Transport.Execution;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Transport.Execution;

/// <summary>A host with the start-up warm-up on (the other fixtures turn it off), its logs captured.</summary>
public sealed class WarmedUpApp : TrocAppFactory
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [StartupWarmup.SettingKey] = "true" };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}

public sealed class StartupWarmupTests(WarmedUpApp app) : IClassFixture<WarmedUpApp>
{
    [Fact]
    public async Task Once_started_the_server_runs_an_introspection_and_a_database_query_without_errors()
    {
        app.CreateClient(); // starts the host

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!app.Logs.Entries.Any(IsWarmupDone) && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.Contains(app.Logs.Entries, IsWarmupDone);
        var warmups = app.Logs.Entries.Where(e => e.Properties.TryGetValue("OperationName", out var name) && "Warmup".Equals(name)).ToList();
        Assert.Equal(2, warmups.Count);
        Assert.All(warmups, e => Assert.Equal(0, Convert.ToInt32(e.Properties["ErrorCount"])));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Category.EndsWith(nameof(StartupWarmup), StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
    }

    private static bool IsWarmupDone(CapturedLogEntry entry) =>
        entry.Category.EndsWith(nameof(StartupWarmup), StringComparison.Ordinal) && entry.Message.StartsWith("Warmed up", StringComparison.Ordinal);
}
