using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Troc.Tests.Infrastructure;

/// <summary>
/// The real Troc host on its own fresh PostgreSQL database and the local Redis. Use it as an xunit class
/// fixture; subclass it and override <see cref="ConfigureTestServices"/> to add test-only services.
/// </summary>
public class TrocAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DatabaseName { get; private set; } = "";

    /// <summary>Extra configuration (key → value) applied on top of the defaults, for one fixture.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync() => DatabaseName = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Troc", TestDatabase.ConnectionStringFor(DatabaseName));
        builder.UseSetting("Redis:Configuration", TestDatabase.RedisConfiguration);
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
    }
}
