using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Troc.Graph.Transport.Execution;

namespace Troc.Tests.Infrastructure;

/// <summary>
/// The real Troc host on its own fresh PostgreSQL database and the local Redis. Use it as an xunit class
/// fixture; subclass it and override <see cref="ConfigureTestServices"/> to add test-only services.
/// </summary>
public class TrocAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The access-token signing key every test host uses, so that tests can forge tokens (expired, wrongly signed…).</summary>
    public const string TestSigningKey = "dHJvYy10ZXN0LXNpZ25pbmcta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=";

    public string DatabaseName { get; private set; } = "";

    /// <summary>Where this host's outbox mail sender writes `.eml` files.</summary>
    public string OutboxDirectory { get; } = Path.Combine(Path.GetTempPath(), "troc-test-outbox-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where this host's local image store keeps photos (a fixture's own folder, removed with it).</summary>
    public string MediaDirectory { get; } = Path.Combine(Path.GetTempPath(), "troc-test-media-" + Guid.NewGuid().ToString("N"));

    /// <summary>Extra configuration (key → value) applied on top of the defaults, for one fixture.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync() => DatabaseName = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Troc", TestDatabase.ConnectionStringFor(DatabaseName));
        builder.UseSetting("Redis:Configuration", TestDatabase.RedisConfiguration);
        builder.UseSetting("Auth:SigningKey", TestSigningKey);
        builder.UseSetting("Mail:OutboxDirectory", OutboxDirectory);
        builder.UseSetting("Media:LocalPath", MediaDirectory);
        // Each fixture starts a host; warming each one up would only slow the suite (StartupWarmupTests turn it on).
        builder.UseSetting(StartupWarmup.SettingKey, "false");
        // Fixtures share one client address and register many accounts; the abuse tests turn the limits back on.
        builder.UseSetting("Abuse:RateLimitingEnabled", "false");
        // The API's tests must not depend on whether client/dist happens to be built (WebAppHostingTests serve one).
        builder.UseSetting("WebApp:Enabled", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    protected virtual void ConfigureTestServices(IServiceCollection services) { }

    public GraphQLClient CreateGraphQLClient() => new(CreateClient());

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(DatabaseName);
        if (Directory.Exists(OutboxDirectory)) Directory.Delete(OutboxDirectory, recursive: true);
        if (Directory.Exists(MediaDirectory)) Directory.Delete(MediaDirectory, recursive: true);
    }
}
