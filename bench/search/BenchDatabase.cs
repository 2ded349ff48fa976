using Npgsql;

namespace Troc.Bench.Search;

/// <summary>
/// The bench's own database on the local PostgreSQL. It is kept between runs while it holds the data of this generator
/// version (migrations still run every time, so index changes apply); otherwise, or with --fresh, it is dropped and
/// recreated empty for the generator.
/// </summary>
public static class BenchDatabase
{
    public const string Name = "troc_bench_search";

    /// <summary>Returns true when the database was (re)created and needs its data.</summary>
    public static async Task<bool> EnsureCreatedAsync(string baseConnection, bool fresh, int listings, TextWriter log)
    {
        var admin = new NpgsqlConnectionStringBuilder(baseConnection) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", Name);
            if (!fresh && await exists.ExecuteScalarAsync() is not null && await HoldsCurrentDataAsync(baseConnection, listings))
            {
                log.WriteLine($"database {Name}: data of {ListingGenerator.Version} present, kept (--fresh to regenerate)");
                return false;
            }
        }
        log.WriteLine($"database {Name}: (re)created");
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection))
            await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {Name}", connection))
            await create.ExecuteNonQueryAsync();
        return true;
    }

    private static async Task<bool> HoldsCurrentDataAsync(string baseConnection, int listings)
    {
        var bench = new NpgsqlConnectionStringBuilder(baseConnection) { Database = Name, Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(bench);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT version, listings FROM bench_search_meta", connection);
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() && reader.GetString(0) == ListingGenerator.Version && reader.GetInt32(1) == listings;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    /// <summary>After the load: statistics and the visibility map (index-only scans), then the marker that the data is complete.</summary>
    public static async Task FinishAsync(NpgsqlDataSource dataSource, int listings, TextWriter log)
    {
        log.WriteLine("  VACUUM ANALYZE");
        await using (var vacuum = dataSource.CreateCommand("VACUUM (ANALYZE) users, listings, listing_images"))
        {
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync();
        }
        await using var marker = dataSource.CreateCommand("""
            CREATE TABLE bench_search_meta (version text NOT NULL, listings integer NOT NULL, generated_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO bench_search_meta (version, listings) VALUES (@version, @listings);
            """);
        marker.Parameters.AddWithValue("version", ListingGenerator.Version);
        marker.Parameters.AddWithValue("listings", listings);
        await marker.ExecuteNonQueryAsync();
    }

    /// <summary>A kept database may have new indexes from migrations: make sure the planner knows the tables.</summary>
    public static async Task AnalyzeAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("VACUUM (ANALYZE) listings");
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
