using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Troc.Graph.Transport.Http;

/// <summary>
/// Which browser origins may call /graphql: an allow-list from "Cors:AllowedOrigins", empty by default so that a
/// deployment opens nothing it did not name.
/// </summary>
public static class GraphQLCors
{
    public const string PolicyName = "GraphQL";

    public static IServiceCollection AddGraphQLCors(this IServiceCollection services)
    {
        services.AddCors();
        // Read when the policy is first needed, not at registration, so that tests and environments can still override it.
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((cors, configuration) =>
        {
            var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            cors.AddPolicy(PolicyName, policy => policy
                .WithOrigins(origins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders(HeaderNames.ContentType, HeaderNames.Authorization, HeaderNames.Accept, GraphQLMediaTypes.PreflightHeader)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
        });
        return services;
    }
}
