using Microsoft.EntityFrameworkCore;
using Troc.Domain.Catalogue;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Domain.Media;
using Troc.Domain.Persistence;
using Troc.Domain.Users;

namespace Troc.Graph.Seed;

/// <summary>
/// A living platform for `./troc run`: members around several French cities, each with a few listings drawn from
/// the item catalogue, with French titles, descriptions and wants, their item types and wants read as createListing reads
/// them. Deterministic (fixed random seed) and
/// idempotent: it does nothing when the demo members already exist.
/// </summary>
public sealed class DemoSeed(IDbContextFactory<TrocDbContext> dbFactory, PasswordHashing passwords, ImageService images, TimeProvider clock,
    ListingUnderstanding understanding, ILogger<DemoSeed> logger)
{
    public const string EmailDomain = "demo.troc.fr";

    /// <summary>Every demo member signs in with this password (documented in the README; demo data only).</summary>
    public const string Password = "echange-de-demo-2026";

    public const int MemberCount = 60;
    public const int ListingCount = 300;

    private sealed record City(string Name, double Latitude, double Longitude, string[] Neighbourhoods);

    private static readonly City[] Cities =
    [
        new("Paris", 48.8566, 2.3522, ["Paris 11e", "Paris 15e", "Paris 18e", "Paris 20e", "Montreuil", "Vincennes"]),
        new("Lyon", 45.7640, 4.8357, ["Lyon 3e", "Lyon 7e", "Villeurbanne", "Croix-Rousse", "Caluire-et-Cuire"]),
        new("Marseille", 43.2965, 5.3698, ["Marseille 5e", "Marseille 8e", "La Joliette", "Aubagne"]),
        new("Toulouse", 43.6047, 1.4442, ["Capitole", "Saint-Cyprien", "Rangueil", "Blagnac"]),
        new("Bordeaux", 44.8378, -0.5792, ["Chartrons", "Bastide", "Talence", "Mérignac"]),
        new("Lille", 50.6292, 3.0573, ["Wazemmes", "Vieux-Lille", "Roubaix", "Villeneuve-d'Ascq"]),
        new("Nantes", 47.2184, -1.5536, ["Île de Nantes", "Doulon", "Rezé", "Saint-Herblain"]),
        new("Montpellier", 43.6108, 3.8767, ["Écusson", "Antigone", "Castelnau-le-Lez"]),
        new("Strasbourg", 48.5734, 7.7521, ["Krutenau", "Neudorf", "Schiltigheim"]),
        new("Rennes", 48.1173, -1.6778, ["Thabor", "Villejean", "Cesson-Sévigné"]),
    ];

    private static readonly string[] FirstNames =
    [
        "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Emma", "Sarah", "Zoé", "Juliette", "Alice",
        "Hugo", "Lucas", "Nathan", "Théo", "Louis", "Arthur", "Jules", "Gabriel", "Raphaël", "Tom", "Paul", "Noah",
        "Mathilde", "Clément", "Yasmine", "Mehdi", "Sophie", "Antoine", "Élodie", "Karim", "Nadia", "Julien",
    ];

    private static readonly string[] LastInitials = ["B.", "D.", "F.", "G.", "L.", "M.", "N.", "P.", "R.", "T."];

    // Patterns avoid articles and adjectives that would need the label's gender.
    private static readonly string[] TitlePatterns = ["{1}", "{1} – bon état", "{1} – très bon état", "{1} – comme neuf", "{1} à échanger", "Échange {0}"];

    private static readonly string[] DescriptionPatterns =
    [
        "{1} à échanger : a bien servi mais fonctionne parfaitement. À récupérer en main propre.",
        "{1}, acheté il y a deux ans et utilisé quelques fois seulement. Je préfère l'échanger plutôt que de le laisser dormir dans un placard.",
        "Cause déménagement : {0}. Quelques traces d'usage, rien de grave. Photos sur demande.",
        "{1} en très bon état, complet. Remise en main propre, ou dépôt si ce n'est pas trop loin.",
        "Échange contre l'un des objets de ma liste, ou faites-moi une proposition ! ({0})",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.Email.EndsWith("@" + EmailDomain), cancellationToken))
        {
            logger.LogInformation("Demo data already present: nothing to do");
            return;
        }

        var random = new Random(20261129);
        var now = clock.GetUtcNow().UtcDateTime;
        var passwordHash = passwords.Hash(Password);
        var categoryIdBySlug = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Slug, c => c.Id, cancellationToken);
        var itemTypes = ItemCatalogue.Default.ItemTypes.Where(t => categoryIdBySlug.ContainsKey(t.SubcategorySlug)).ToList();

        var members = new List<(User User, City City, GeoPoint Home)>();
        for (var i = 0; i < MemberCount; i++)
        {
            var first = FirstNames[i % FirstNames.Length];
            var last = LastInitials[(i / FirstNames.Length + i) % LastInitials.Length];
            var email = $"{Slug(first)}.{i + 1:00}@{EmailDomain}";
            var user = new User(Guid.NewGuid(), email, $"{first} {last}", passwordHash, now.AddDays(-random.Next(10, 700)));
            user.MarkEmailVerified(now);
            var city = Cities[i % Cities.Length];
            members.Add((user, city, Near(random, city.Latitude, city.Longitude, 6)));
            db.Users.Add(user);
        }
        await db.SaveChangesAsync(cancellationToken);

        var planned = new List<(Guid OwnerId, ListingDraft Draft, DateTime CreatedAt, ItemType ItemType, int PhotoCount, int Seed, ListingReading Reading)>();
        for (var i = 0; i < ListingCount; i++)
        {
            var (user, city, home) = members[i % members.Count];
            var itemType = itemTypes[random.Next(itemTypes.Count)];
            var label = itemType.Label;
            var wants = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => itemTypes[random.Next(itemTypes.Count)].Label.ToLowerInvariant())
                .Distinct().ToList();
            var draft = new ListingDraft(
                Truncate(string.Format(TitlePatterns[random.Next(TitlePatterns.Length)], label.ToLowerInvariant(), label), ListingRules.TitleMaxLength),
                string.Format(DescriptionPatterns[random.Next(DescriptionPatterns.Length)], label.ToLowerInvariant(), label),
                categoryIdBySlug[itemType.SubcategorySlug],
                (ItemCondition)random.Next(0, 5),
                wants,
                [],
                OpenToAnyOffer: random.NextDouble() < 0.3,
                Near(random, home.Latitude, home.Longitude, 0.5),
                city.Neighbourhoods[random.Next(city.Neighbourhoods.Length)]);
            if (ListingRules.Check(draft).Count > 0) continue;
            // Item type and wants are read exactly as createListing reads them.
            var reading = await understanding.ReadAsync(db, draft.Title.Trim(), draft.Description.Trim(), ItemTypeChoice.Automatic,
                reread: true, draft.Wants, null, cancellationToken);
            if (reading.Violations.Count > 0) continue;
            planned.Add((user.Id, draft, now.AddHours(-random.Next(1, 24 * 60)), itemType, random.Next(1, 4), i, reading));
        }

        // Drawing and encoding the photos is most of the seed's time: spread it over the cores.
        var photos = new IReadOnlyList<StoredImage>[planned.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, planned.Count), cancellationToken, async (n, token) =>
            photos[n] = await DrawPhotosAsync(planned[n].ItemType, planned[n].PhotoCount, planned[n].Seed, token));
        for (var n = 0; n < planned.Count; n++)
        {
            var listing = Listing.Create(planned[n].OwnerId, planned[n].Draft, planned[n].CreatedAt, photos[n]);
            listing.Understand(planned[n].Reading.ItemType, planned[n].Reading.Wants);
            db.Listings.Add(listing);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Members} demo members and their listings; they sign in with the password in DemoSeed.Password", MemberCount);
    }

    /// <summary>Draws and stores <paramref name="count"/> photos of the item through the same pipeline as uploads.</summary>
    private async Task<IReadOnlyList<StoredImage>> DrawPhotosAsync(ItemType itemType, int count, int seed, CancellationToken cancellationToken)
    {
        var subcategory = ItemCatalogue.Default.FindSubcategory(itemType.SubcategorySlug)?.Label ?? "";
        var stored = new List<StoredImage>(count);
        for (var index = 0; index < count; index++)
        {
            using var jpeg = new MemoryStream(DemoPhotos.Draw(itemType, subcategory, index, seed));
            var saved = await images.SaveAsync(jpeg, cancellationToken);
            stored.Add(saved.Image ?? throw new InvalidOperationException($"A drawn demo photo was refused: {saved.Failure?.Message}"));
        }
        return stored;
    }

    /// <summary>A point within about <paramref name="radiusKm"/> of a centre.</summary>
    private static GeoPoint Near(Random random, double latitude, double longitude, double radiusKm)
    {
        var distance = radiusKm * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        var dLat = distance / 111.32 * Math.Cos(bearing);
        var dLon = distance / (111.32 * Math.Cos(latitude * Math.PI / 180)) * Math.Sin(bearing);
        return new GeoPoint(Math.Round(latitude + dLat, 6), Math.Round(longitude + dLon, 6));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Select(c => c switch { 'é' or 'è' or 'ê' => 'e', 'ï' => 'i', _ => c }).ToArray());
}
