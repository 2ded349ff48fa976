using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Troc.Domain.Persistence;
using Troc.Domain.Places;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Places;

/// <summary>The import on a database of its own: it replaces the gazetteer with small files.</summary>
public sealed class PlacesImportTests : IAsyncLifetime
{
    private const string Header = "insee\tname\tpostal_codes\tdepartment\tpopulation\tlatitude\tlongitude\tlocation_precision";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "troc-places-" + Guid.NewGuid().ToString("N")[..8]);
    private string _database = "";
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _database = await TestDatabase.CreateAsync();
        _services = new ServiceCollection().AddTrocDatabase(TestDatabase.ConnectionStringFor(_database)).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await TestDatabase.DropAsync(_database);
        Directory.Delete(_directory, recursive: true);
    }

    private string WriteFile(params string[] rows)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".tsv");
        File.WriteAllText(path, string.Join('\n', rows.Prepend(Header)) + "\n");
        return path;
    }

    private async Task<PlacesImportResult> ImportAsync(string path, ILogger? logger = null)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<TrocDbContext>>().CreateDbContextAsync();
        return await PlacesImport.ImportAsync(db, path, logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    private async Task<List<Place>> PlacesAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<TrocDbContext>>().CreateDbContextAsync();
        return await db.Places.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
    }

    [Fact]
    public async Task The_template_database_already_holds_the_whole_gazetteer()
    {
        var places = await PlacesAsync();

        Assert.True(places.Count > 34_000, $"{places.Count} places: build .troc/places/communes.tsv with `./troc build`.");
        Assert.True(places.Count(p => p.Location is not null) > 34_000);
        Assert.Equal(PlacesImportOutcome.UpToDate, (await ImportAsync(PlacesImport.LocateDataFile(null))).Outcome);
    }

    [Fact]
    public async Task A_new_file_version_updates_adds_and_removes_rows_and_the_same_file_is_not_loaded_twice()
    {
        var first = WriteFile(
            "01001\tL'Abergement-Clémenciat\t01400\t01\t860\t46.15255\t5.00989\tapproximate",
            "42218\tSaint-Étienne\t42000,42100\t42\t173136\t45.43389\t4.39000\tcommune",
            "98411\tÎles Saint-Paul et Nouvelle-Amsterdam\t\t984\t0\t\t\t");
        Assert.Equal(PlacesImportOutcome.Imported, (await ImportAsync(first)).Outcome);
        var places = await PlacesAsync();
        Assert.Equal(["01001", "42218", "98411"], places.Select(p => p.Id));
        var etienne = places[1];
        Assert.Equal("saint etienne", etienne.SearchKey);
        Assert.Equal(["42000", "42100"], etienne.PostalCodes);
        Assert.Equal(45.43389, etienne.Location!.Y, 5);
        Assert.Equal(4.39, etienne.Location.X, 5);
        Assert.Equal(PlaceLocationPrecision.Commune, etienne.LocationPrecision);
        Assert.Null(places[2].Location);
        Assert.Null(places[2].LocationPrecision);
        Assert.Empty(places[2].PostalCodes);

        Assert.Equal(PlacesImportOutcome.UpToDate, (await ImportAsync(first)).Outcome);

        var second = WriteFile(
            "42218\tSaint-Étienne\t42000,42100,42230\t42\t175000\t45.43389\t4.39000\tcommune",
            "63113\tClermont-Ferrand\t63000,63100\t63\t146351\t45.77969\t3.08682\tcommune");
        var result = await ImportAsync(second);
        Assert.Equal(PlacesImportOutcome.Imported, result.Outcome);
        Assert.Equal(2, result.Rows);
        places = await PlacesAsync();
        Assert.Equal(["42218", "63113"], places.Select(p => p.Id));
        Assert.Equal(175_000, places[0].Population);
        Assert.Equal(["42000", "42100", "42230"], places[0].PostalCodes);
    }

    [Fact]
    public async Task A_missing_file_leaves_the_table_alone_and_warns_with_the_command_that_builds_it()
    {
        var before = (await PlacesAsync()).Count;
        var logger = new ListLogger();

        var result = await ImportAsync(Path.Combine(_directory, "nowhere.tsv"), logger);

        Assert.Equal(PlacesImportOutcome.FileMissing, result.Outcome);
        Assert.Equal(before, (await PlacesAsync()).Count);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("nowhere.tsv", warning.Message);
        Assert.Contains("./troc build", warning.Message);
    }

    [Theory]
    [InlineData("42218\tSaint-Étienne\t42000\t42\tmany\t45.4\t4.3\tcommune")]
    [InlineData("42218\tSaint-Étienne\t4200\t42\t1\t45.4\t4.3\tcommune")]
    [InlineData("42218\tSaint-Étienne\t42000\t42\t1\t95.4\t4.3\tcommune")]
    [InlineData("42218\tSaint-Étienne\t42000\t42\t1\t45.4\t4.3\texact")]
    [InlineData("42218\tSaint-Étienne\t42000\t42")]
    public async Task A_malformed_file_fails_and_changes_nothing(string row)
    {
        var before = (await PlacesAsync()).Count;

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(WriteFile(row)));

        Assert.Contains(":2:", error.Message);
        Assert.Equal(before, (await PlacesAsync()).Count);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
