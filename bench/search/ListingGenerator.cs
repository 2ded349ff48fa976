using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Troc.Domain.Catalogue;
using Troc.Domain.Common;
using Troc.Domain.Listings;

namespace Troc.Bench.Search;

/// <summary>
/// 100k active listings over France, deterministic (fixed seed): owners live near real communes drawn by population,
/// listings sit within a few hundred metres of their owner's home, titles and descriptions come from the item
/// catalogue's labels, names and brands (item types drawn with a Zipf-like popularity, as on a real platform), and the
/// blurred point is <see cref="LocationBlur"/>'s, exactly as the app stores it. Loaded with binary COPY.
/// </summary>
public static class ListingGenerator
{
    /// <summary>Bump when the generated data changes: the bench regenerates a database of another version.</summary>
    public const string Version = "search-bench-v1";

    private const int Seed = 20261129;

    private sealed record Commune(string Name, double Latitude, double Longitude, int Population);

    private sealed record Owner(Guid Id, Commune Commune, GeoPoint Home);

    private static readonly string[] Conditions = ["New", "LikeNew", "Good", "Fair", "ForParts"];
    private static readonly double[] ConditionWeights = [0.12, 0.28, 0.38, 0.17, 0.05];

    // Invariable words only: titles never need the label's gender.
    private static readonly string[] States = ["bon état", "très bon état", "comme neuf", "état correct", "à réparer", "jamais servi", "peu servi"];
    private static readonly string[] Colours = ["noir", "blanc", "gris", "marron", "orange", "kaki", "bleu marine", "turquoise", "crème", "rouge"];

    private static readonly string[] TitlePatterns =
    [
        "{L}", "{L}", "{L}", "{L} – {S}", "{L} – {S}", "{L} {B}", "{L} {B} – {S}", "{N}", "{N} – {S}", "{L} à échanger",
        "Échange {l}", "{L} {C}", "{L} {B} {C}", "Lot {l}", "{L} d'occasion",
    ];

    private static readonly string[] DescriptionPatterns =
    [
        "{L} à échanger : a bien servi mais fonctionne parfaitement. À récupérer en main propre à {P}.",
        "{L}, acheté il y a deux ans et utilisé quelques fois seulement. Je préfère l'échanger plutôt que de le laisser dormir dans un placard.",
        "Cause déménagement : {l}. Quelques traces d'usage, rien de grave. Photos sur demande.",
        "{L} en très bon état, complet. Remise en main propre sur {P}, ou dépôt si ce n'est pas trop loin.",
        "Échange contre l'un des objets de ma liste, ou faites-moi une proposition ! ({l})",
        "Je donne une seconde vie à mon {n}. Marque {B}. Rien à prévoir, prêt à l'emploi.",
        "{L}, couleur {C}. Servi une saison. Non fumeur, pas d'animaux. Échange de préférence sur {P} et alentours.",
        "Vide-grenier avant l'hiver : {l}, {S}. Je regarde toutes les propositions d'échange.",
    ];

    public sealed record Counts(int Owners, int Listings, int Images);

    public static async Task<Counts> LoadAsync(NpgsqlDataSource dataSource, int listingCount, TextWriter log, CancellationToken cancellationToken = default)
    {
        var random = new Random(Seed);
        var communes = await CommunesAsync(dataSource, cancellationToken);
        var categoryIds = await CategoryIdsAsync(dataSource, cancellationToken);
        var itemTypes = ItemCatalogue.Default.ItemTypes.Where(t => categoryIds.ContainsKey(t.SubcategorySlug)).ToList();
        // A Zipf-like popularity over item types in a fixed shuffled order: a few things (bikes, books…) are everywhere.
        var popularity = itemTypes.Select((_, i) => 1 / Math.Pow(i + 1, 0.9)).ToArray();
        Shuffle(random, itemTypes);
        var itemTypeDraw = new WeightedDraw(popularity);
        var communeDraw = new WeightedDraw(communes.Select(c => (double)c.Population).ToArray());
        var now = new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc);

        var ownerCount = Math.Max(1, listingCount / 5);
        var owners = new List<Owner>(ownerCount);
        for (var i = 0; i < ownerCount; i++)
        {
            var commune = communes[communeDraw.Next(random)];
            // Bigger towns spread wider around their centre.
            var spreadKm = Math.Clamp(1 + Math.Sqrt(commune.Population) / 150, 1, 9);
            owners.Add(new Owner(NewGuid(random), commune, Near(random, commune.Latitude, commune.Longitude, spreadKm)));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var tx = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY users (id, email, display_name, password_hash, role, created_at, password_changed_at, email_verified_at, failed_login_count) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                for (var i = 0; i < owners.Count; i++)
                {
                    var created = now.AddDays(-random.Next(30, 900));
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(owners[i].Id, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync($"membre.{i:000000}@bench.troc.fr", NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync($"Membre {i}", NpgsqlDbType.Varchar, cancellationToken);
                    // Nobody signs in: not a password hash anything verifies.
                    await writer.WriteAsync("bench-no-login", NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync("Member", NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                }
                await writer.CompleteAsync(cancellationToken);
            }
            log.WriteLine($"  {owners.Count} owners");

            var images = new List<(Guid ListingId, int Position, string Json)>();
            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY listings (id, owner_id, title, description, category_id, condition, wanted_category_ids, open_to_any_offer, location, public_location, place_name, status, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                for (var i = 0; i < listingCount; i++)
                {
                    var owner = owners[random.Next(owners.Count)];
                    var itemType = itemTypes[itemTypeDraw.Next(random)];
                    var (title, description) = Texts(random, itemType, owner.Commune.Name);
                    var exact = Near(random, owner.Home.Latitude, owner.Home.Longitude, 0.4);
                    var blurred = LocationBlur.Blur(exact);
                    var created = now.AddMinutes(-random.Next(0, 365 * 24 * 60));
                    var id = NewGuid(random);
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(owner.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(title, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(description, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(categoryIds[itemType.SubcategorySlug], NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(Conditions[Pick(random, ConditionWeights)], NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(Array.Empty<int>(), NpgsqlDbType.Array | NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(random.NextDouble() < 0.3, NpgsqlDbType.Boolean, cancellationToken);
                    await writer.WriteAsync(exact.ToPoint(), NpgsqlDbType.Geography, cancellationToken);
                    await writer.WriteAsync(blurred.ToPoint(), NpgsqlDbType.Geography, cancellationToken);
                    await writer.WriteAsync(owner.Commune.Name, NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync("Active", NpgsqlDbType.Varchar, cancellationToken);
                    await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                    await writer.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                    var photos = random.NextDouble() < 0.75 ? random.Next(1, 4) : 0;
                    for (var p = 0; p < photos; p++)
                        images.Add((id, p, ImageJson(NewGuid(random))));
                    if ((i + 1) % 20_000 == 0) log.WriteLine($"  {i + 1} listings");
                }
                await writer.CompleteAsync(cancellationToken);
            }

            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY listing_images (id, listing_id, position, image) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var (listingId, position, json) in images)
                {
                    await writer.StartRowAsync(cancellationToken);
                    await writer.WriteAsync(NewGuid(random), NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(listingId, NpgsqlDbType.Uuid, cancellationToken);
                    await writer.WriteAsync(position, NpgsqlDbType.Integer, cancellationToken);
                    await writer.WriteAsync(json, NpgsqlDbType.Jsonb, cancellationToken);
                }
                await writer.CompleteAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
            return new Counts(owners.Count, listingCount, images.Count);
        }
    }

    private static (string Title, string Description) Texts(Random random, ItemType itemType, string place)
    {
        var label = itemType.Label;
        var names = itemType.Vocabulary.Names.Where(n => n.Length >= 4 && n.Length <= 40 && !n.Equals(label, StringComparison.OrdinalIgnoreCase)).ToList();
        var name = names.Count > 0 && random.NextDouble() < 0.5 ? names[random.Next(Math.Min(names.Count, 4))] : label.ToLowerInvariant();
        var brand = itemType.Vocabulary.Brands.Count > 0 ? Capitalise(itemType.Vocabulary.Brands[random.Next(itemType.Vocabulary.Brands.Count)]) : "";
        string Fill(string pattern) => pattern
            .Replace("{L}", label)
            .Replace("{l}", label.ToLowerInvariant())
            .Replace("{N}", Capitalise(name))
            .Replace("{n}", name)
            .Replace("{B}", brand.Length > 0 ? brand : "inconnue")
            .Replace("{S}", States[random.Next(States.Length)])
            .Replace("{C}", Colours[random.Next(Colours.Length)])
            .Replace("{P}", place);
        var titlePattern = TitlePatterns[random.Next(TitlePatterns.Length)];
        if (brand.Length == 0) titlePattern = titlePattern.Replace(" {B}", "");
        var title = Fill(titlePattern).Replace("  ", " ").Trim();
        if (title.Length > ListingRules.TitleMaxLength) title = title[..ListingRules.TitleMaxLength].TrimEnd();
        var description = Fill(DescriptionPatterns[random.Next(DescriptionPatterns.Length)]);
        if (random.NextDouble() < 0.4)
            description += " " + Fill(DescriptionPatterns[random.Next(DescriptionPatterns.Length)]);
        return (title, description);
    }

    private static string ImageJson(Guid id)
    {
        var n = id.ToString("N");
        return JsonSerializer.Serialize(new
        {
            Id = n,
            Thumbnail = new { Name = $"{n}/thumb.jpg", Width = 240, Height = 180 },
            Card = new { Name = $"{n}/card.jpg", Width = 640, Height = 480 },
            Full = new { Name = $"{n}/full.jpg", Width = 1600, Height = 1200 },
        });
    }

    private static async Task<List<Commune>> CommunesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, ST_Y(location::geometry), ST_X(location::geometry), population FROM places " +
            "WHERE location IS NOT NULL AND population > 0 ORDER BY id");
        var communes = new List<Commune>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            communes.Add(new Commune(reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetInt32(3)));
        if (communes.Count == 0)
            throw new InvalidOperationException("The places table is empty: build .troc/places/communes.tsv first (./troc build).");
        return communes;
    }

    private static async Task<Dictionary<string, int>> CategoryIdsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT slug, id FROM categories");
        var ids = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids[reader.GetString(0)] = reader.GetInt32(1);
        return ids;
    }

    /// <summary>A point within about <paramref name="radiusKm"/> of a centre (uniform over the disc).</summary>
    private static GeoPoint Near(Random random, double latitude, double longitude, double radiusKm)
    {
        var distance = radiusKm * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        var dLat = distance / 111.32 * Math.Cos(bearing);
        var dLon = distance / (111.32 * Math.Cos(latitude * Math.PI / 180)) * Math.Sin(bearing);
        return new GeoPoint(Math.Clamp(Math.Round(latitude + dLat, 6), -90, 90), Math.Clamp(Math.Round(longitude + dLon, 6), -180, 180));
    }

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((x -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>Draws an index with probability proportional to its weight (binary search over the running sums).</summary>
    private sealed class WeightedDraw
    {
        private readonly double[] _cumulative;

        public WeightedDraw(double[] weights)
        {
            _cumulative = new double[weights.Length];
            var sum = 0.0;
            for (var i = 0; i < weights.Length; i++) _cumulative[i] = sum += weights[i];
        }

        public int Next(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
            return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
        }
    }
}
