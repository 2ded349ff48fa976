using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Persistence;
using Troc.Graph.Hosting;
using Troc.Graph.Seed;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Listings;

public sealed class DemoSeedTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task Seeding_creates_verified_members_with_listings_once_and_they_can_sign_in()
    {
        await Commands.SeedAsync(app.Services);
        await Commands.SeedAsync(app.Services);

        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<TrocDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var members = await db.Users.CountAsync(u => u.Email.EndsWith("@" + DemoSeed.EmailDomain));
        var listings = await db.Listings.CountAsync();
        Assert.Equal(DemoSeed.MemberCount, members);
        Assert.InRange(listings, DemoSeed.ListingCount - 10, DemoSeed.ListingCount);
        Assert.True(await db.Users.Where(u => u.Email.EndsWith("@" + DemoSeed.EmailDomain)).AllAsync(u => u.EmailVerifiedAt != null));
        // Every seeded listing is somewhere in metropolitan France.
        var points = await db.Listings.Select(l => l.Location).ToListAsync();
        Assert.All(points, p => Assert.True(p.Y is > 42 and < 51.5 && p.X is > -5 and < 8.5, $"{p.Y}, {p.X} is not in France"));

        // Their item types and wants are read as createListing reads them: the titles are catalogue labels, so nearly all resolve.
        var withItemType = await db.Listings.CountAsync(l => l.ItemTypeId != null);
        Assert.True(withItemType >= listings * 9 / 10, $"only {withItemType} of {listings} seeded listings have an item type");
        var wants = await db.Listings.AsNoTracking().SelectMany(l => l.Wants).ToListAsync();
        Assert.True(wants.Count(w => w.Scope != Troc.Domain.Catalogue.WantScope.Unresolved) >= wants.Count * 9 / 10, "most seeded wants resolve");

        var email = await db.Users.Where(u => u.Email.EndsWith("@" + DemoSeed.EmailDomain)).Select(u => u.Email).FirstAsync();
        var account = await LoginAsync(app.CreateGraphQLClient(), email, DemoSeed.Password);
        var mine = await app.CreateGraphQLClient().As(account.AccessToken).PostAsync("{ me { listings(first: 3) { totalCount nodes { title placeName category { label } } } } }");
        Assert.True(mine.EnsureNoErrors().Data!["me"]!["listings"]!["totalCount"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Every_seeded_listing_has_drawn_photos_that_are_served_in_every_size()
    {
        await Commands.SeedAsync(app.Services);

        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<TrocDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var photoCounts = await db.Listings.Select(l => l.Images.Count).ToListAsync();
        Assert.All(photoCounts, count => Assert.InRange(count, 1, 3));
        Assert.Contains(photoCounts, count => count > 1);

        var listings = await app.CreateGraphQLClient().PostAsync(
            "{ searchListings(first: 1) { nodes { images { width(size: FULL) height(size: FULL) thumbnail: url(size: THUMBNAIL) full: url(size: FULL) } } } }");
        var image = listings.EnsureNoErrors().Data!["searchListings"]!["nodes"]![0]!["images"]![0]!;
        Assert.Equal(DemoPhotos.Width, image["width"]!.GetValue<int>());
        Assert.Equal(DemoPhotos.Height, image["height"]!.GetValue<int>());
        var http = app.CreateClient();
        foreach (var (size, longest) in new[] { ("thumbnail", 320), ("full", DemoPhotos.Width) })
        {
            var url = image[size]!.GetValue<string>();
            var bytes = await http.GetByteArrayAsync(Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : url);
            using var decoded = SkiaSharp.SKBitmap.Decode(bytes);
            Assert.Equal(longest, Math.Max(decoded.Width, decoded.Height));
        }
    }
}
