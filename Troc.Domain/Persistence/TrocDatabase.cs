using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Troc.Domain.Persistence;

/// <summary>How Troc talks to PostgreSQL: one data source, pooled contexts, PostGIS and pgvector mapped.</summary>
public static class TrocDatabase
{
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        builder.UseVector();
        return builder.Build();
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql =>
            {
                npgsql.UseNetTopologySuite();
                npgsql.UseVector();
                npgsql.MigrationsHistoryTable("__ef_migrations_history");
            })
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{TrocDbContext}"/>: each resolver and loader batch takes its
    /// own short-lived context, so fields can resolve in parallel.
    /// </summary>
    public static IServiceCollection AddTrocDatabase(this IServiceCollection services, string connectionString)
    {
        var dataSource = CreateDataSource(connectionString);
        services.AddSingleton(dataSource);
        services.AddPooledDbContextFactory<TrocDbContext>(options => Configure(options, dataSource));
        return services;
    }
}
