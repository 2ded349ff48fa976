using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Troc.Domain.Media;
using Troc.Tests.Listings;
using static Troc.Tests.Listings.ListingTestKit;

namespace Troc.Tests.Media;

/// <summary>The sweep deletes renditions no listing uses once they are a day old, and nothing else.</summary>
public sealed class OrphanedMediaSweeperTests(ListingPhotoAppFactory app) : IClassFixture<ListingPhotoAppFactory>
{
    [Fact]
    public async Task Old_orphans_go_while_photos_in_use_and_recent_uploads_stay()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client, "Camille");
        await ListingPhotoKit.CreateListingWithPhotosAsync(client, photos: 2);
        var inUse = app.StoredFiles();
        var store = app.Services.GetRequiredService<IImageStore>();
        var oldOrphan = MediaNames.For(MediaNames.NewId(), ImageSize.Card, ImageEncoding.Jpeg);
        var recentOrphan = MediaNames.For(MediaNames.NewId(), ImageSize.Full, ImageEncoding.Jpeg);
        await store.SaveAsync(oldOrphan, [1, 2, 3], "image/jpeg");
        await store.SaveAsync(recentOrphan, [4, 5, 6], "image/jpeg");
        File.SetLastWriteTimeUtc(((LocalDiskImageStore)store).PathOf(oldOrphan), DateTime.UtcNow.AddDays(-2));
        var sweeper = app.Services.GetRequiredService<OrphanedMediaSweeper>();

        var dryRun = await sweeper.SweepAsync(dryRun: true);
        Assert.Equal(new MediaSweepResult(inUse.Length + 2, inUse.Length, 1, 1), dryRun);
        Assert.Contains(oldOrphan, app.StoredFiles());

        var swept = await sweeper.SweepAsync();

        Assert.Equal(new MediaSweepResult(inUse.Length + 2, inUse.Length, 1, 1), swept);
        Assert.Equal(6, inUse.Length); // two photos, three renditions each
        Assert.Equal(inUse.Append(recentOrphan).Order().ToArray(), app.StoredFiles());
    }
}

/// <summary>The same sweep over an S3 bucket, whose objects are listed page by page.</summary>
public sealed class S3OrphanedMediaSweeperTests(S3AppFactory app) : IClassFixture<S3AppFactory>
{
    [Fact]
    public async Task Listing_the_bucket_finds_every_object_and_the_sweep_keeps_those_in_use()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client, "Camille");
        await ListingPhotoKit.CreateListingWithPhotosAsync(client, photos: 1);
        var store = app.Services.GetRequiredService<IImageStore>();
        var orphans = Enumerable.Range(0, 3).Select(_ => MediaNames.For(MediaNames.NewId(), ImageSize.Thumbnail, ImageEncoding.Webp)).ToList();
        foreach (var orphan in orphans) await store.SaveAsync(orphan, [7], "image/webp");

        var listed = new List<StoredObjectInfo>();
        await foreach (var stored in store.ListAsync()) listed.Add(stored);
        Assert.Equal(3 + 3, listed.Count);
        Assert.All(listed, stored => Assert.InRange(stored.LastModifiedUtc, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(10)));

        // Two days from now, everything is old enough to judge.
        var later = new FixedClock(DateTimeOffset.UtcNow.AddDays(2));
        var sweeper = new OrphanedMediaSweeper(store, app.Services.GetRequiredService<NpgsqlDataSource>(), later);
        var swept = await sweeper.SweepAsync();

        Assert.Equal(new MediaSweepResult(6, 3, 0, 3), swept);
        foreach (var orphan in orphans) Assert.Null(await store.OpenAsync(orphan));
        var left = new List<StoredObjectInfo>();
        await foreach (var stored in store.ListAsync()) left.Add(stored);
        Assert.Equal(3, left.Count);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
