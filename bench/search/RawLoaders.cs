using Microsoft.EntityFrameworkCore;
using Npgsql;
using Troc.Domain.Persistence;

namespace Troc.Bench.Search;

/// <summary>
/// The SQL of the API's batch loaders for a search page's nodes (<see cref="LoaderQueries"/>: the listings with their
/// photos, then their categories), captured from EF Core once and run here with raw Npgsql, so the raw side does the
/// same database work as a GraphQL request that selects those fields.
/// </summary>
public sealed class RawLoaders(string listingsSql, string listingIdsParameter, string categoriesSql, string categoryIdsParameter)
{
    public static RawLoaders Capture(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<TrocDbContext>();
        TrocDatabase.Configure(options, dataSource);
        using var db = new TrocDbContext(options.Options);
        var (listings, listingIds) = Split(LoaderQueries.ListingsByIds(db, [Guid.Empty]).ToQueryString());
        var (categories, categoryIds) = Split(LoaderQueries.CategoriesByIds(db, [0]).ToQueryString());
        return new RawLoaders(listings, listingIds, categories, categoryIds);
    }

    /// <summary>The page's listings with their photos, then their categories.</summary>
    public async Task LoadListingsAsync(NpgsqlDataSource dataSource, IReadOnlyList<Guid> listingIds)
    {
        if (listingIds.Count == 0) return;
        var categoryIds = new HashSet<int>();
        await using (var command = dataSource.CreateCommand(listingsSql))
        {
            command.Parameters.AddWithValue(listingIdsParameter, listingIds.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            var categoryColumn = reader.GetOrdinal("category_id");
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++) reader.GetValue(i);
                categoryIds.Add(reader.GetInt32(categoryColumn));
            }
        }
        await LoadCategoriesAsync(dataSource, categoryIds.ToList());
    }

    public async Task LoadCategoriesAsync(NpgsqlDataSource dataSource, IReadOnlyList<int> categoryIds)
    {
        if (categoryIds.Count == 0) return;
        await using var command = dataSource.CreateCommand(categoriesSql);
        command.Parameters.AddWithValue(categoryIdsParameter, categoryIds.Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            for (var i = 0; i < reader.FieldCount; i++) reader.GetValue(i);
    }

    /// <summary>ToQueryString's text: "-- @name='…'" parameter lines, then the statement.</summary>
    private static (string Sql, string Parameter) Split(string text)
    {
        var lines = text.Split('\n');
        var parameter = lines.First(l => l.StartsWith("-- @", StringComparison.Ordinal))[4..].Split('=')[0].Trim();
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith("-- ", StringComparison.Ordinal)));
        return (sql, parameter);
    }
}
