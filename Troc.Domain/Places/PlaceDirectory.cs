using Microsoft.EntityFrameworkCore;
using Troc.Domain.Persistence;

namespace Troc.Domain.Places;

/// <summary>
/// Reads the gazetteer: places by INSEE code (for listings and `near: { placeId }` searches) and the type-ahead
/// search behind `places(query)`.
/// </summary>
public sealed class PlaceDirectory(IDbContextFactory<TrocDbContext> dbFactory)
{
    public const int MaxResults = 50;
    public const int MaxQueryLength = 100;

    public async Task<Place?> FindAsync(string inseeCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == inseeCode, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Place>> FindManyAsync(
        IReadOnlyCollection<string> inseeCodes, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Places.AsNoTracking()
            .Where(p => inseeCodes.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    /// <summary>
    /// Places whose name has a word starting with the query (accents, case, hyphens and "st"/"saint" ignored),
    /// those whose name starts with it first; or, for a query of digits, places with a postal code starting with
    /// them. Biggest population first within each group. An empty query finds nothing.
    /// </summary>
    public async Task<IReadOnlyList<Place>> SearchAsync(string query, int first, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, MaxResults);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Length, MaxQueryLength);
        var parsed = PlaceQuery.Parse(query);
        if (parsed.IsEmpty) return [];

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (parsed.PostalCodePrefix is { } digits)
        {
            // The expression the trigram index of the Places migration is built on; see that migration.
            var pattern = "% " + digits + "%";
            return await db.Places
                .FromSql($"SELECT * FROM places WHERE place_postal_codes_text(postal_codes) LIKE {pattern}")
                .AsNoTracking()
                .OrderByDescending(p => p.Population).ThenBy(p => p.Name).ThenBy(p => p.Id)
                .Take(first)
                .ToListAsync(cancellationToken);
        }

        // One or two alternatives (see PlaceNameFolding.QueryPrefixes); folded text holds no LIKE wildcard.
        var a = parsed.NamePrefixes[0];
        var b = parsed.NamePrefixes[^1];
        string startA = a + "%", startB = b + "%", wordA = "% " + a + "%", wordB = "% " + b + "%";
        return await db.Places.AsNoTracking()
            .Where(p => EF.Functions.Like(p.SearchKey, startA) || EF.Functions.Like(p.SearchKey, wordA)
                || EF.Functions.Like(p.SearchKey, startB) || EF.Functions.Like(p.SearchKey, wordB))
            .OrderByDescending(p => EF.Functions.Like(p.SearchKey, startA) || EF.Functions.Like(p.SearchKey, startB))
            .ThenByDescending(p => p.Population).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Take(first)
            .ToListAsync(cancellationToken);
    }
}

/// <summary>What a `places` query asks for: a postal code prefix, name prefixes, or nothing.</summary>
public sealed record PlaceQuery(string? PostalCodePrefix, IReadOnlyList<string> NamePrefixes)
{
    public bool IsEmpty => PostalCodePrefix is null && NamePrefixes.Count == 0;

    public static PlaceQuery Parse(string query)
    {
        var text = query.Trim();
        if (text.Length == 0) return new PlaceQuery(null, []);
        // "69", "690", "75011", "75 011": digits (spaces allowed) are a postal code, at most five digits long.
        if (text.All(c => char.IsAsciiDigit(c) || c == ' '))
        {
            var digits = text.Replace(" ", "", StringComparison.Ordinal);
            return digits.Length <= 5 ? new PlaceQuery(digits, []) : new PlaceQuery(null, []);
        }
        return new PlaceQuery(null, PlaceNameFolding.QueryPrefixes(text));
    }
}
