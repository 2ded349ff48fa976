using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Troc.Graph.Health;

/// <summary>Healthy when a connection from the application's own data source answers <c>SELECT 1</c>.</summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, ILogger<PostgresHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("SELECT 1 answered");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception names hosts and users: it goes to the log, never into the public answer.
            logger.LogWarning(exception, "PostgreSQL health check failed");
            return HealthCheckResult.Unhealthy("PostgreSQL did not answer");
        }
    }
}
