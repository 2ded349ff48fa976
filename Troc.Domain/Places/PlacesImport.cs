using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Troc.Domain.Persistence;

namespace Troc.Domain.Places;

/// <summary>
/// Loads the gazetteer file (<c>.troc/places/communes.tsv</c>, written by <c>Troc.Domain/Places/import/build.mjs</c>)
/// into the <c>places</c> table with a binary COPY. Runs on every `migrate` and does nothing when the table already
/// holds this version of the file (its SHA-256 plus <see cref="PlaceNameFolding.Version"/>).
/// </summary>
public static class PlacesImport
{
    public const string DataSetName = "places";
    public const string DefaultRelativePath = ".troc/places/communes.tsv";
    public const string BuildCommand =
        "./troc build (or: npm ci --prefix Troc.Domain/Places/import && node Troc.Domain/Places/import/build.mjs)";

    private const string Header = "insee\tname\tpostal_codes\tdepartment\tpopulation\tlatitude\tlongitude\tlocation_precision";

    /// <summary>
    /// The configured file, or <see cref="DefaultRelativePath"/> under the repository root (the folder holding
    /// Troc.slnx, looked for above the working directory, then above the binaries).
    /// </summary>
    public static string LocateDataFile(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath)) return Path.GetFullPath(configuredPath);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Troc.slnx")))
                    return Path.Combine(dir.FullName, DefaultRelativePath);
        return Path.GetFullPath(DefaultRelativePath);
    }

    public static async Task<PlacesImportResult> ImportAsync(
        TrocDbContext db, string dataFile, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(dataFile))
        {
            // A machine without Node.js can still migrate; it just has no gazetteer until the file is built.
            logger.LogWarning(
                "The places gazetteer {DataFile} is missing, so the places table was left as it is and `places` " +
                "searches may find nothing. Produce the file with {BuildCommand}, then migrate again.",
                dataFile, BuildCommand);
            return new PlacesImportResult(PlacesImportOutcome.FileMissing, 0, null);
        }

        var stopwatch = Stopwatch.StartNew();
        var bytes = await File.ReadAllBytesAsync(dataFile, cancellationToken);
        var version = $"sha256:{Convert.ToHexStringLower(SHA256.HashData(bytes))};fold:{PlaceNameFolding.Version}";

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Several replicas may migrate at once: one imports, the others then find the version up to date.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext('troc.places.import'))", cancellationToken);
        if (await IsUpToDateAsync(connection, version, cancellationToken))
        {
            logger.LogDebug("The places table already holds {Version}", version);
            return new PlacesImportResult(PlacesImportOutcome.UpToDate, 0, version);
        }

        var rows = Parse(bytes, dataFile);
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE places_staging (
                id text, name text, search_key text, postal_codes text[], department_code text, population integer,
                latitude double precision, longitude double precision, location_precision text
            ) ON COMMIT DROP
            """, cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY places_staging (id, name, search_key, postal_codes, department_code, population, latitude, longitude, location_precision) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            // Synchronous writes: they only fill Npgsql's buffer; the async ones cost a state machine per value.
            foreach (var row in rows)
            {
                writer.StartRow();
                writer.Write(row.Id, NpgsqlDbType.Text);
                writer.Write(row.Name, NpgsqlDbType.Text);
                writer.Write(PlaceNameFolding.Fold(row.Name), NpgsqlDbType.Text);
                writer.Write(row.PostalCodes, NpgsqlDbType.Array | NpgsqlDbType.Text);
                writer.Write(row.DepartmentCode, NpgsqlDbType.Text);
                writer.Write(row.Population, NpgsqlDbType.Integer);
                if (row.Latitude is { } latitude && row.Longitude is { } longitude)
                {
                    writer.Write(latitude, NpgsqlDbType.Double);
                    writer.Write(longitude, NpgsqlDbType.Double);
                    writer.Write(row.LocationPrecision, NpgsqlDbType.Text);
                }
                else
                {
                    writer.WriteNull();
                    writer.WriteNull();
                    writer.WriteNull();
                }
            }
            await writer.CompleteAsync(cancellationToken);
        }

        // Upsert rather than truncate: rows that other tables may reference keep their identity, unchanged rows
        // are not rewritten, and communes that disappeared (merged into a new one) are removed.
        await ExecuteAsync(connection, """
            INSERT INTO places AS p (id, name, search_key, postal_codes, department_code, population, location, location_precision)
            SELECT id, name, search_key, postal_codes, department_code, population,
                   CASE WHEN latitude IS NULL THEN NULL
                        ELSE ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography END,
                   location_precision
            FROM places_staging
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, search_key = excluded.search_key, postal_codes = excluded.postal_codes,
                department_code = excluded.department_code, population = excluded.population,
                location = excluded.location, location_precision = excluded.location_precision
            WHERE (p.name, p.search_key, p.postal_codes, p.department_code, p.population, p.location::text, p.location_precision)
                IS DISTINCT FROM (excluded.name, excluded.search_key, excluded.postal_codes, excluded.department_code,
                                  excluded.population, excluded.location::text, excluded.location_precision);
            DELETE FROM places p WHERE NOT EXISTS (SELECT 1 FROM places_staging s WHERE s.id = p.id);
            """, cancellationToken);
        await using (var record = new NpgsqlCommand("""
            INSERT INTO reference_data_versions (name, version, loaded_at) VALUES (@name, @version, now())
            ON CONFLICT (name) DO UPDATE SET version = excluded.version, loaded_at = excluded.loaded_at
            """, connection))
        {
            record.Parameters.AddWithValue("name", DataSetName);
            record.Parameters.AddWithValue("version", version);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Imported {Rows} places ({Located} with a centre) from {DataFile} in {ElapsedMs} ms",
            rows.Count, rows.Count(r => r.Latitude is not null), dataFile, stopwatch.ElapsedMilliseconds);
        return new PlacesImportResult(PlacesImportOutcome.Imported, rows.Count, version);
    }

    private static async Task<bool> IsUpToDateAsync(NpgsqlConnection connection, string version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM reference_data_versions WHERE name = @name AND version = @version)
               AND EXISTS (SELECT 1 FROM places)
            """, connection);
        command.Parameters.AddWithValue("name", DataSetName);
        command.Parameters.AddWithValue("version", version);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads and checks every row; a malformed file fails the import rather than loading half of it.</summary>
    public static List<GazetteerRow> Parse(byte[] bytes, string source)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        var header = reader.ReadLine();
        if (header != Header)
            throw new InvalidDataException($"{source}: unexpected header {header}; rebuild it with {BuildCommand}.");
        var rows = new List<GazetteerRow>(40_000);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            rows.Add(ParseRow(line) ?? throw new InvalidDataException($"{source}:{lineNumber}: malformed row: {line}"));
        }
        return rows;
    }

    private static GazetteerRow? ParseRow(string line)
    {
        var f = line.Split('\t');
        if (f.Length != 8) return null;
        var (id, name, department) = (f[0], f[1], f[3]);
        if (id.Length != 5 || name.Length is 0 or > 100 || department.Length is 0 or > 3) return null;
        var postalCodes = f[2].Length == 0 ? [] : f[2].Split(',');
        foreach (var code in postalCodes)
            if (code.Length != 5 || !int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return null;
        if (!int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out var population)) return null;
        if (f[5].Length == 0 && f[6].Length == 0 && f[7].Length == 0)
            return new GazetteerRow(id, name, postalCodes, department, population, null, null, null);
        if (!double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude) || latitude is < -90 or > 90) return null;
        if (!double.TryParse(f[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude) || longitude is < -180 or > 180) return null;
        if (f[7] is not ("commune" or "approximate")) return null;
        return new GazetteerRow(id, name, postalCodes, department, population, latitude, longitude, f[7]);
    }
}

/// <summary>One row of the gazetteer file, as written by build.mjs.</summary>
public sealed record GazetteerRow(
    string Id, string Name, string[] PostalCodes, string DepartmentCode, int Population,
    double? Latitude, double? Longitude, string? LocationPrecision);

public enum PlacesImportOutcome
{
    Imported,
    UpToDate,
    FileMissing,
}

public sealed record PlacesImportResult(PlacesImportOutcome Outcome, int Rows, string? Version);
