using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Troc.Domain.Common;

namespace Troc.Graph.Abuse;

/// <summary>
/// A ceiling on requests to /graphql per client IP (fixed window, per replica): ASP.NET Core's rate limiter,
/// answering 429 with a Retry-After header and a GraphQL-shaped error whose extensions carry the delay.
/// </summary>
public static class GlobalRequestLimit
{
    public static IServiceCollection AddGlobalRequestLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AbuseOptions>>((limiter, abuse) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = abuse.Value;
                if (!limits.RateLimitingEnabled || !context.Request.Path.StartsWithSegments("/graphql"))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.GlobalPerIp.Limit,
                    Window = limits.GlobalPerIp.Window,
                    QueueLimit = 0,
                });
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var delay) ? delay : abuse.Value.GlobalPerIp.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                await Transport.Authorization.RefusalCorsHeaders.ApplyAsync(rejected.HttpContext);
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "application/json; charset=utf-8";
                Transport.Http.GraphQLResponseHeaders.Apply(response);
                await JsonSerializer.SerializeAsync(response.Body, new
                {
                    errors = new[]
                    {
                        new
                        {
                            message = $"Too many requests from your address: retry in {seconds} s.",
                            extensions = new { code = ViolationKind.RateLimited.Code(), retryAfterSeconds = seconds },
                        },
                    },
                }, cancellationToken: cancellationToken);
            };
        });
        return services;
    }
}
