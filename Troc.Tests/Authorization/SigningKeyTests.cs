using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Troc.Graph.Transport.Authorization;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Authorization;

public sealed class SigningKeyTests
{
    private static WebApplicationFactory<Program> Host(string environment, string? signingKey) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:Troc", TestDatabase.ConnectionStringFor("troc_unused"));
            builder.UseSetting("Redis:Configuration", "");
            builder.UseSetting("Auth:SigningKey", signingKey ?? "");
        });

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_the_host_refuses_to_start_without_a_signing_key(string environment)
    {
        var error = StartupError(environment, null);

        Assert.Contains("Auth:SigningKey is not configured", error.Message);
        Assert.Contains($"the {environment} environment does not generate one", error.Message);
        Assert.Contains("Auth__SigningKey", error.Message);
    }

    [Theory]
    [InlineData("not base64 at all!", "is not base64")]
    [InlineData("c2hvcnQ=", "needs at least 256")]
    public void A_malformed_or_short_key_is_refused_at_startup(string key, string expected)
    {
        Assert.Contains(expected, StartupError("Production", key).Message);
    }

    [Fact]
    public void The_provider_itself_refuses_to_make_up_a_key_in_production()
    {
        var provider = new SigningKeyProvider(
            Microsoft.Extensions.Options.Options.Create(new AuthOptions()),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production", ContentRootPath = Path.GetTempPath() });

        var error = Assert.Throws<InvalidOperationException>(() => provider.Key);

        Assert.Contains("Auth:SigningKey is not configured", error.Message);
    }

    /// <summary>
    /// The exception that stops the host's start. WebApplicationFactory occasionally reports a failed start as an
    /// ObjectDisposedException (its deferred host is torn down while it still waits on it): such a run says
    /// nothing about our message, so it is tried again.
    /// </summary>
    private static InvalidOperationException StartupError(string environment, string? signingKey)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var app = Host(environment, signingKey);
            var thrown = Assert.ThrowsAny<Exception>(() => app.CreateClient());
            if (thrown is ObjectDisposedException && attempt < 5) continue;
            return Assert.IsType<InvalidOperationException>(thrown);
        }
    }

    [Fact]
    public void Development_generates_a_key_once_private_to_its_owner_and_reuses_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "troc-key-" + Guid.NewGuid().ToString("N"), ".troc", "jwt-signing.key");
        try
        {
            var first = SigningKeyProvider.LoadOrCreateDevelopmentKey(path);
            var second = SigningKeyProvider.LoadOrCreateDevelopmentKey(path);

            Assert.Equal(32, first.Length);
            Assert.Equal(first, second);
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(path))!, recursive: true);
        }
    }

    [Fact]
    public void Relative_key_paths_resolve_from_the_repository_root()
    {
        var resolved = SigningKeyProvider.ResolvePath(".troc/jwt-signing.key", Path.Combine(RepositoryPaths.Root, "Troc.Graph"));

        Assert.Equal(Path.Combine(RepositoryPaths.Root, ".troc/jwt-signing.key"), resolved);
    }
}
