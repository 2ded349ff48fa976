using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;
using Troc.Domain.Search;

namespace Troc.Bench.Search;

public sealed record Percentiles(double P50, double P95, double Mean)
{
    public static Percentiles Of(List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new Percentiles(At(0.50), At(0.95), sorted.Average());
    }
}

public sealed record ScenarioResult(string Name, Percentiles GraphQL, Percentiles Raw, int Results, int Iterations);

public static class Runner
{
    /// <summary>
    /// Warms both sides up, then alternates GraphQL and raw requests (which goes first alternates too), one at a time, so
    /// that both sides see the same machine load.
    /// </summary>
    public static async Task<ScenarioResult> RunAsync(
        Scenario scenario, ServerProcess server, ListingSearch search, NpgsqlDataSource dataSource, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            await server.PostAsync(scenario.Query, scenario.Variables);
            await scenario.RunRawAsync(search, dataSource);
        }
        var graph = new List<double>(iterations);
        var raw = new List<double>(iterations);
        var results = 0;
        var watch = new Stopwatch();
        for (var i = 0; i < iterations; i++)
        {
            for (var side = 0; side < 2; side++)
            {
                watch.Restart();
                if ((side + i) % 2 == 0)
                {
                    await server.PostAsync(scenario.Query, scenario.Variables);
                    graph.Add(watch.Elapsed.TotalMilliseconds);
                }
                else
                {
                    results = await scenario.RunRawAsync(search, dataSource);
                    raw.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }
        return new ScenarioResult(scenario.Name, Percentiles.Of(graph), Percentiles.Of(raw), results, iterations);
    }
}

public static class Report
{
    private const string Start = "<!-- results:start -->";
    private const string End = "<!-- results:end -->";

    public static async Task<string> TableAsync(IReadOnlyList<ScenarioResult> results, BenchOptions options, NpgsqlDataSource dataSource)
    {
        await using var version = dataSource.CreateCommand("SELECT split_part(version(), ' on ', 1), (SELECT count(*) FROM listings WHERE status = 'Active')");
        string postgres;
        long listings;
        await using (var reader = await version.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            postgres = reader.GetString(0);
            listings = reader.GetInt64(1);
        }
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {listings:N0} active listings, {options.Iterations} timed requests per side and search after {options.Warmup} warm-up rounds, one request at a time, GraphQL and raw alternating.")
            .AppendLine()
            .AppendLine("| search | rows | GraphQL p50 | GraphQL p95 | raw p50 | raw p95 | GraphQL / raw at p95 | targets |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var ratio = r.GraphQL.P95 / r.Raw.P95;
            var ok = (r.Raw.P95 < 30 ? "raw ✓" : "raw ✗") + " " + (ratio <= 1.5 ? "ratio ✓" : "ratio ✗");
            text.AppendLine(inv, $"| {r.Name} | {r.Results} | {r.GraphQL.P50:0.0} ms | {r.GraphQL.P95:0.0} ms | {r.Raw.P50:0.0} ms | {r.Raw.P95:0.0} ms | {ratio:0.00}× | {ok} |");
        }
        text.AppendLine()
            .AppendLine(inv, $"Machine: {Cpu()}, {Environment.ProcessorCount} logical CPUs (shared with other work), {MemoryGb():0} GB RAM, {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; {postgres}.");
        return text.ToString().TrimEnd();
    }

    public static void Rewrite(string readme, string table)
    {
        var text = File.Exists(readme) ? File.ReadAllText(readme) : "";
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        var block = $"{Start}\n{table}\n{End}";
        text = start >= 0 && end > start
            ? text[..start] + block + text[(end + End.Length)..]
            : text + "\n" + block + "\n";
        File.WriteAllText(readme, text);
    }

    private static string Cpu()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static double MemoryGb() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024;
}
