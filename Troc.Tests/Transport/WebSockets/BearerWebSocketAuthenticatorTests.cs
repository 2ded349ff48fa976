using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Troc.Graph.Transport.WebSockets;

namespace Troc.Tests.Transport.WebSockets;

/// <summary>The default authenticator's rules, without a host: what it accepts, refuses, and never confuses.</summary>
public sealed class BearerWebSocketAuthenticatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("""{"authorization":null}""")]
    [InlineData("""{"locale":"fr"}""")]
    public async Task No_authorization_means_an_anonymous_socket(string? payload)
    {
        await using var services = BuildServices(withBearerScheme: false);

        var result = await AuthenticateAsync(services, payload);

        Assert.False(result.IsRefused);
        Assert.False(result.Principal!.Identity!.IsAuthenticated);
    }

    [Fact]
    public async Task Without_a_bearer_scheme_any_authorization_is_refused_since_nothing_can_validate_it()
    {
        await using var services = BuildServices(withBearerScheme: false);

        var result = await AuthenticateAsync(services, """{"authorization":"Bearer valid:alice"}""");

        Assert.True(result.IsRefused);
    }

    [Theory]
    [InlineData("""{"authorization":"Bearer valid:alice"}""", "alice")]
    [InlineData("""{"authorization":"Bearer forged"}""", null)]
    [InlineData("""{"authorization":"valid:alice"}""", null)]
    [InlineData("""{"authorization":["Bearer valid:alice"]}""", null)]
    public async Task With_a_bearer_scheme_the_scheme_decides(string payload, string? expectedUser)
    {
        await using var services = BuildServices(withBearerScheme: true);

        var result = await AuthenticateAsync(services, payload);

        Assert.Equal(expectedUser, result.Principal?.Identity?.Name);
        Assert.Equal(expectedUser is null, result.IsRefused);
    }

    [Fact]
    public async Task The_payloads_token_is_checked_even_when_the_upgrade_request_already_authenticated_another()
    {
        await using var services = BuildServices(withBearerScheme: true);
        await using var requestScope = services.CreateAsyncScope();
        var upgrade = new DefaultHttpContext { RequestServices = requestScope.ServiceProvider };
        upgrade.Request.Headers.Authorization = "Bearer valid:mallory";
        // What UseAuthentication does on the upgrade request: its handler and result are now cached in that scope.
        Assert.Equal("mallory", (await upgrade.AuthenticateAsync(BearerWebSocketAuthenticator.BearerScheme)).Principal?.Identity?.Name);

        var result = await services.GetRequiredService<IWebSocketAuthenticator>()
            .AuthenticateAsync(upgrade, Payload("""{"authorization":"Bearer forged"}"""), CancellationToken.None);

        Assert.True(result.IsRefused);
    }

    private static ServiceProvider BuildServices(bool withBearerScheme)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IWebSocketAuthenticator, BearerWebSocketAuthenticator>();
        if (withBearerScheme)
            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestBearerHandler>(BearerWebSocketAuthenticator.BearerScheme, _ => { });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task<WebSocketAuthenticationResult> AuthenticateAsync(ServiceProvider services, string? payload)
    {
        await using var requestScope = services.CreateAsyncScope();
        var upgrade = new DefaultHttpContext { RequestServices = requestScope.ServiceProvider };
        return await services.GetRequiredService<IWebSocketAuthenticator>().AuthenticateAsync(upgrade, Payload(payload), CancellationToken.None);
    }

    private static JsonElement? Payload(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
