using Microsoft.AspNetCore.Hosting;
using Troc.Tests.Infrastructure;
using Troc.Tests.Listings;
using static Troc.Tests.Search.SavedSearchTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Search;

/// <summary>A server whose alert worker is off: listings go active, their jobs wait in the outbox.</summary>
public sealed class DormantAlertsApp : TrocAppFactory
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["SavedSearches:Alerts:Enabled"] = "false" };
}

/// <summary>Another server process on the same database, worker on: the restart.</summary>
public sealed class RestartedApp(string databaseName) : TrocAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Troc", TestDatabase.ConnectionStringFor(databaseName));
    }
}

public sealed class SavedSearchDurabilityTests(DormantAlertsApp app) : IClassFixture<DormantAlertsApp>
{
    [Fact]
    public async Task Alerts_of_listings_published_while_no_worker_ran_are_raised_by_the_next_server_to_start()
    {
        var (watcher, watcherAccount) = await MemberAsync(app, "Confiant");
        var (seller, sellerAccount) = await MemberAsync(app, "Pressé");
        var saved = await SaveAsync(watcher, new { name = "Vielles à roue", query = "vielle à roue" });
        var published = await ListAsync(seller, "Vielle à roue Pajot", categoryId: 601);
        var withdrawn = await ListAsync(seller, "Vielle à roue électrique", categoryId: 601);
        await seller.PostAsync(ListingTestKit.Archive, new { input = new { id = withdrawn } });

        // Committed listings, pending jobs, no alert: the server "stops" here.
        Assert.Equal(2, await PendingJobsAsync(app));
        var before = (await watcher.PostAsync(MyMatches)).EnsureNoErrors().Data!["me"]!["savedSearchMatches"]!;
        Assert.Equal(0, before["totalCount"]!.GetValue<int>());

        await using var restarted = new RestartedApp(app.DatabaseName);
        var watcherThere = restarted.CreateGraphQLClient().As(watcherAccount.AccessToken);
        var matches = await WaitForMatchesAsync(watcherThere, nodes => nodes.Count >= 1);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await PendingJobsAsync(restarted) > 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(0, await PendingJobsAsync(restarted));
        matches = await WaitForMatchesAsync(watcherThere, _ => true);

        // The listing archived before the worker saw it raised nothing.
        Assert.Equal([published], MatchedListingIds(matches));
        Assert.Equal(Id(saved), Id(matches["nodes"]![0]!["savedSearch"]));
        Assert.NotEqual(watcherAccount.UserId, sellerAccount.UserId);
    }
}
