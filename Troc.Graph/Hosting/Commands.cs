using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Troc.Domain.Catalogue;
using Troc.Domain.Categories;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;
using Troc.Domain.Places;

namespace Troc.Graph.Hosting;

/// <summary>
/// The host doubles as Troc's command-line tool, so that `./troc migrate|seed|schema|catalogue reindex|media sweep` use exactly the
/// configuration the server uses.
/// </summary>
public static class Commands
{
    public static async Task<int> RunTrocAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                await MigrateAsync(app.Services);
                return 0;
            case "seed":
                await SeedAsync(app.Services);
                return 0;
            case "media-sweep":
                var dryRun = args.Contains("--dry-run");
                var swept = await app.Services.GetRequiredService<Troc.Domain.Media.OrphanedMediaSweeper>().SweepAsync(dryRun);
                Console.WriteLine($"{swept.Scanned} stored objects: {swept.Referenced} in use, {swept.TooRecent} younger than a day (kept), " +
                    $"{swept.Deleted} orphans {(dryRun ? "would be deleted (dry run)" : "deleted")}");
                return 0;
            case "catalogue" when args.ElementAtOrDefault(1) == "reindex":
                var result = await ReindexCatalogueAsync(app.Services, Console.WriteLine);
                Console.WriteLine($"Reindexed: {result}");
                return 0;
            case "catalogue":
                Console.Error.WriteLine("usage: catalogue reindex");
                return 2;
            case "schema":
                var path = args.ElementAtOrDefault(1) ?? "schema.graphql";
                await File.WriteAllTextAsync(path, PrintSchema(app.Services));
                Console.WriteLine($"Wrote {path}");
                return 0;
            default:
                await app.RunAsync();
                return 0;
        }
    }

    /// <summary>Applies pending migrations, then brings reference data (the catalogue, the places gazetteer) up to date.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<TrocDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        // Extensions created by the migration register new types; the data source must learn them.
        if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection connection)
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ReloadTypesAsync(cancellationToken);
        }
        await CatalogueSync.SyncAsync(db, cancellationToken);
        // A new catalogue (or this database's first) is read into every listing and want once.
        await Reindex(services).RunIfCatalogueChangedAsync(cancellationToken: cancellationToken);
        // Tests migrate with a bare service provider: no configuration or logging there, the defaults apply.
        var placesFile = PlacesImport.LocateDataFile(services.GetService<IConfiguration>()?["Places:DataFile"]);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Troc.Places") ?? NullLogger.Instance;
        await PlacesImport.ImportAsync(db, placesFile, logger, cancellationToken);
    }

    /// <summary>
    /// `./troc catalogue reindex`: syncs the item types with the catalogue, then re-reads every listing's item type and
    /// every want that the resolver decided (owners' choices stay), in batches, reporting counts as it goes.
    /// </summary>
    public static Task<CatalogueReindexResult> ReindexCatalogueAsync(IServiceProvider services, Action<string>? progress = null,
        CancellationToken cancellationToken = default) =>
        Reindex(services).RunAsync(progress, cancellationToken);

    // Tests migrate with a bare service provider (the database only): the embedded catalogue applies there.
    private static CatalogueReindex Reindex(IServiceProvider services) =>
        services.GetService<CatalogueReindex>()
        ?? new CatalogueReindex(services.GetRequiredService<IDbContextFactory<TrocDbContext>>(),
            services.GetService<ListingUnderstanding>() ?? new ListingUnderstanding(ItemTypeResolver.Default));

    /// <summary>Demo data for `./troc run`. Idempotent: running it twice changes nothing the second time.</summary>
    public static Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<Troc.Graph.Seed.DemoSeed>().SeedAsync(cancellationToken);

    /// <summary>The SDL of the live schema: the single source of schema.graphql.</summary>
    public static string PrintSchema(IServiceProvider services)
    {
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).Replace("\r\n", "\n").TrimEnd() + "\n";
    }
}
