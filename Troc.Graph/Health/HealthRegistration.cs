using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Troc.Graph.Health;

public static class HealthRegistration
{
    public const string HealthPath = "/health";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddTrocHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", timeout: CheckTimeout)
            .AddCheck<RedisHealthCheck>("redis", timeout: CheckTimeout);
        return builder;
    }

    /// <summary>503 when any check is unhealthy (the default mapping), so a load balancer takes the replica out.</summary>
    public static WebApplication MapTrocHealth(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
