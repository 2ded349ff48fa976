using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Troc.Bench.Search;
using Troc.Domain.Persistence;
using Troc.Domain.Search;

// bench/search: the search benchmark. See README.md; `./troc bench search [--iterations N] [--fresh] [--no-report] [--explain] [--dataset-only]`.
var options = BenchOptions.Parse(args);
var log = Console.Error;
var baseConnection = Environment.GetEnvironmentVariable("ConnectionStrings__Troc") is { Length: > 0 } configured
    ? configured
    : "Host=127.0.0.1;Port=55432;Database=troc;Username=troc;Password=troc";
var benchConnection = new NpgsqlConnectionStringBuilder(baseConnection) { Database = BenchDatabase.Name }.ConnectionString;

var total = Stopwatch.StartNew();
var fresh = await BenchDatabase.EnsureCreatedAsync(baseConnection, options.Fresh, options.Listings, log);
log.WriteLine("migrate (the app's own command)");
await ServerProcess.MigrateAsync(options.ServerDll, benchConnection, log);
await using var dataSource = TrocDatabase.CreateDataSource(benchConnection);
if (fresh)
{
    log.WriteLine($"generate {options.Listings} listings");
    var watch = Stopwatch.StartNew();
    var counts = await ListingGenerator.LoadAsync(dataSource, options.Listings, log);
    log.WriteLine($"  loaded {counts.Listings} listings, {counts.Owners} owners, {counts.Images} photos in {watch.Elapsed.TotalSeconds:0.0} s");
    await BenchDatabase.FinishAsync(dataSource, options.Listings, log);
    log.WriteLine($"  ready in {watch.Elapsed.TotalSeconds:0.0} s");
}
else
{
    await BenchDatabase.AnalyzeAsync(dataSource);
}
if (options.DatasetOnly)
{
    // Other benchmarks (bench/peer) reuse this database: they call this step and stop here.
    log.WriteLine($"dataset ready in {total.Elapsed.TotalSeconds:0} s");
    return 0;
}

await using var server = await ServerProcess.StartAsync(options.ServerDll, benchConnection, log);
var search = new ListingSearch(dataSource);
var scenarios = await Scenarios.CreateAsync(server, dataSource);

if (options.Explain)
{
    foreach (var scenario in scenarios)
    {
        Console.WriteLine($"## {scenario.Name}");
        Console.WriteLine(await scenario.ExplainAsync(search, dataSource));
    }
    return 0;
}

// Tiered JIT: the server's code reaches its optimised tier only after some 30 calls and a background delay, so every
// search is first run round-robin, both sides, before any is timed. With per-search warm-up only, the first searches
// timed still ran partly unoptimised server code (measured: « vélo enfant » 1.7–2.0× raw after 30 rounds, 1.1× after 300).
log.WriteLine($"warm-up: {options.Warmup} rounds of every search");
for (var round = 0; round < options.Warmup; round++)
    foreach (var scenario in scenarios)
    {
        await server.PostAsync(scenario.Query, scenario.Variables);
        await scenario.RunRawAsync(search, dataSource);
    }

var results = new List<ScenarioResult>();
foreach (var scenario in scenarios)
{
    log.WriteLine($"run {scenario.Name}");
    results.Add(await Runner.RunAsync(scenario, server, search, dataSource, options.Warmup, options.Iterations));
    var r = results[^1];
    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  GraphQL p50 {r.GraphQL.P50:0.00} p95 {r.GraphQL.P95:0.00} ms | raw p50 {r.Raw.P50:0.00} p95 {r.Raw.P95:0.00} ms | results {r.Results}"));
}

var table = await Report.TableAsync(results, options, dataSource);
Console.WriteLine(table);
if (!options.NoReport)
{
    var readme = Path.Combine(BenchOptions.BenchFolder(), "README.md");
    Report.Rewrite(readme, table);
    log.WriteLine($"wrote {readme}");
}
log.WriteLine($"done in {total.Elapsed.TotalSeconds:0} s");
return 0;

public sealed record BenchOptions(string ServerDll, int Iterations, int Warmup, int Listings, bool Fresh, bool NoReport, bool Explain, bool DatasetOnly)
{
    public static BenchOptions Parse(string[] args)
    {
        string? server = null;
        int iterations = 200, warmup = 100, listings = 100_000;
        bool fresh = false, noReport = false, explain = false, datasetOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--server": server = args[++i]; break;
                case "--iterations": iterations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--listings": listings = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--fresh": fresh = true; break;
                case "--no-report": noReport = true; break;
                case "--explain": explain = true; noReport = true; break;
                case "--dataset-only": datasetOnly = true; noReport = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]} (see bench/search/run).");
            }
        }
        return new BenchOptions(server ?? throw new ArgumentException("--server <Troc.Graph.dll> is required (bench/search/run passes it)."),
            iterations, warmup, listings, fresh, noReport, explain, datasetOnly);
    }

    public static string BenchFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Troc.Bench.Search.csproj"))) return dir.FullName;
        throw new InvalidOperationException("bench/search not found above " + AppContext.BaseDirectory);
    }
}
