using System.Security.Claims;
using System.Text.Encodings.Web;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Troc.Graph.Transport.WebSockets;
using Troc.Tests.Infrastructure;
using Troc.Tests.Transport.WebSockets.TestSchema;

namespace Troc.Tests.Transport.WebSockets;

/// <summary>
/// The real host with <see cref="WebSocketTestSchema"/> in place of Troc's schema, and a stand-in for the Bearer
/// scheme that issue 3 brings (JwtBearer): the default <see cref="BearerWebSocketAuthenticator"/> then runs exactly
/// as it will in production, through ASP.NET Core authentication.
/// </summary>
public class WebSocketAppFactory : TrocAppFactory
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<ISchema>();
        services.AddSingleton<ISchema>(provider => new WebSocketTestSchema(new SelfActivatingServiceProvider(provider)));
        WebSocketTestSchema.AddServices(services);
        // The host registers JwtBearer as the Bearer scheme (issue 3); these tests need names, not real accounts,
        // so the scheme keeps its name and gets the stand-in handler.
        services.Configure<AuthenticationOptions>(options =>
            options.SchemeMap[BearerWebSocketAuthenticator.BearerScheme].HandlerType = typeof(TestBearerHandler));
    }

    public TickSource Ticks => Services.GetRequiredService<TickSource>();

    public ScopeLedger Scopes => Services.GetRequiredService<ScopeLedger>();

    public Task<TransportWsTestClient> ConnectAsync(params string[] subProtocols) =>
        TransportWsTestClient.ConnectAsync(Server, subProtocols.Length == 0 ? [TransportWsProtocol.SubProtocol] : subProtocols);
}

/// <summary>Closes sockets that stay silent for 300 ms, to see 4408 without waiting ten seconds.</summary>
public sealed class ShortInitTimeoutAppFactory : WebSocketAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{GraphQLWebSocketOptions.Section}:ConnectionInitTimeout"] = "00:00:00.300",
    };
}

/// <summary>Sends a keep-alive ping every 100 ms.</summary>
public sealed class KeepAliveAppFactory : WebSocketAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{GraphQLWebSocketOptions.Section}:KeepAliveInterval"] = "00:00:00.100",
    };
}

/// <summary>
/// Stands in for JwtBearer: accepts <c>Bearer valid:&lt;name&gt;</c> as the user &lt;name&gt; and fails every
/// other bearer value, reading the Authorization header just as JwtBearer does.
/// </summary>
public sealed class TestBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string ValidPrefix = "valid:";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return Task.FromResult(AuthenticateResult.NoResult());
        var token = header["Bearer ".Length..];
        if (!token.StartsWith(ValidPrefix, StringComparison.Ordinal))
            return Task.FromResult(AuthenticateResult.Fail("The token is not valid."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, token[ValidPrefix.Length..])], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
