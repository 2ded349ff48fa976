using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Abuse;

/// <summary>The host with small rate limits switched on, and a test header that sets the client's IP address.</summary>
public class AbuseAppFactory : TrocAppFactory
{
    public const string ClientIpHeader = "X-Test-Client-IP";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Abuse:RateLimitingEnabled"] = "true",
        ["Abuse:Login:PerIp:Limit"] = "6",
        ["Abuse:Login:PerIp:Window"] = "00:01:00",
        ["Abuse:Login:PerAccount:Limit"] = "3",
        ["Abuse:Login:PerAccount:Window"] = "00:01:00",
        ["Abuse:Register:PerIp:Limit"] = "3",
        ["Abuse:Register:PerAccount:Limit"] = "2",
        ["Abuse:RequestPasswordReset:PerIp:Limit"] = "20",
        ["Abuse:RequestPasswordReset:PerAccount:Limit"] = "2",
        ["Abuse:ResendVerificationEmail:PerIp:Limit"] = "20",
        ["Abuse:ResendVerificationEmail:PerAccount:Limit"] = "2",
        ["Abuse:Lockout:MaxFailedLogins"] = "50",
        ["Abuse:GlobalPerIp:Limit"] = "10000",
        ["Auth:PasswordResetMinimumResponseTime"] = "00:00:00",
    };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, ClientIpFromHeader>();

    public Troc.Tests.Infrastructure.GraphQLClient CreateClientFrom(string ip)
    {
        var client = CreateGraphQLClient();
        client.Http.DefaultRequestHeaders.Add(ClientIpHeader, ip);
        return client;
    }

    /// <summary>The in-process test server has no client address; this gives each simulated client one.</summary>
    private sealed class ClientIpFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientIpHeader].ToString(), out var ip))
                    context.Connection.RemoteIpAddress = ip;
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>A global limit of 5 requests per minute per IP.</summary>
public sealed class GlobalLimitAppFactory : AbuseAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Abuse:GlobalPerIp:Limit"] = "5",
        ["Abuse:GlobalPerIp:Window"] = "00:01:00",
        ["Cors:AllowedOrigins:0"] = "https://app.troc.test",
    };
}
