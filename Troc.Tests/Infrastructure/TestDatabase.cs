using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Troc.Domain.Persistence;
using Troc.Graph.Hosting;

namespace Troc.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL for tests. The schema is migrated once per test run into a template database; every test
/// fixture then gets its own copy (CREATE DATABASE … TEMPLATE is a file copy: fast), so tests never see each
/// other's rows and can run in parallel.
/// </summary>
public static class TestDatabase
{
    // Names carry the test process id, so that parallel runs (several worktrees, CI) never drop each other's databases.
    private static readonly int ProcessId = Environment.ProcessId;
    private static readonly string TemplateName = $"troc_test_{ProcessId}_template";
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static bool _templateReady;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Troc")
        ?? "Host=127.0.0.1;Port=55432;Database=troc;Username=troc;Password=troc";

    public static string RedisConfiguration =>
        Environment.GetEnvironmentVariable("Redis__Configuration") ?? "127.0.0.1:56379";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>Creates a fresh, migrated database and returns its name.</summary>
    public static async Task<string> CreateAsync()
    {
        await EnsureTemplateAsync();
        var name = $"troc_test_{ProcessId}_{Guid.NewGuid().ToString("N")[..12]}";
        await ExecuteOnServerAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        return name;
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private static async Task EnsureTemplateAsync()
    {
        if (_templateReady) return;
        await TemplateGate.WaitAsync();
        try
        {
            if (_templateReady) return;
            await DropLeftoversAsync();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
            await ExecuteOnServerAsync($"CREATE DATABASE {TemplateName}");
            var services = new ServiceCollection()
                .AddTrocDatabase(ConnectionStringFor(TemplateName))
                .BuildServiceProvider();
            await using (services)
            {
                await Commands.MigrateAsync(services);
                services.GetRequiredService<NpgsqlDataSource>().Clear();
            }
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    /// <summary>Databases of earlier runs whose process is gone (killed before their fixtures could drop them).</summary>
    private static async Task DropLeftoversAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE datname LIKE 'troc\\_test\\_%'", connection))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                var owner = name.Split('_')[2];
                if (int.TryParse(owner, out var pid) && pid != ProcessId && !Directory.Exists($"/proc/{pid}"))
                    names.Add(name);
            }
        }
        foreach (var name in names)
            await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection))
                await drop.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
