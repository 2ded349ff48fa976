using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Npgsql;
using Snapshooter.Xunit;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Graph.Common;
using Troc.Tests.Infrastructure;
using Troc.Tests.Listings;
using Troc.Tests.Transport.WebSockets;
using static Troc.Tests.Search.SavedSearchTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Search;

public sealed class SavedSearchAlertTests(SavedSearchApp app) : IClassFixture<SavedSearchApp>
{
    [Fact]
    public async Task A_matching_listing_by_another_member_is_pushed_to_the_owner_over_the_websocket_and_only_to_them()
    {
        var (watcher, watcherAccount) = await MemberAsync(app, "Watcher");
        var (bystander, bystanderAccount) = await MemberAsync(app, "Bystander");
        var (seller, _) = await MemberAsync(app, "Seller");
        var saved = await SaveAsync(watcher, new
        {
            name = "Tandems près de Lyon",
            query = "tandem",
            near = new { latitude = Lyon.Latitude, longitude = Lyon.Longitude, radiusKm = 10.0 },
            where = new { categoryIds = new[] { ListingTestKit.CategoryId(8) } },
        });
        await SaveAsync(bystander, new { name = "Contrebasses", query = "contrebasse" });

        await using var watcherSocket = await TransportWsTestClient.ConnectAsync(app.Server, ["graphql-transport-ws"]);
        await watcherSocket.InitAsync(new { authorization = $"Bearer {watcherAccount.AccessToken}" });
        await watcherSocket.SubscribeAsync("matches", Subscription);
        await using var bystanderSocket = await TransportWsTestClient.ConnectAsync(app.Server, ["graphql-transport-ws"]);
        await bystanderSocket.InitAsync(new { authorization = $"Bearer {bystanderAccount.AccessToken}" });
        await bystanderSocket.SubscribeAsync("matches", Subscription);

        // The subscription is live once the server subscribed to the bus: publish matching listings until one is pushed.
        var listed = new List<string>();
        var received = watcherSocket.ReceiveMessageAsync();
        for (var attempt = 1; !received.IsCompleted && attempt <= 20; attempt++)
        {
            listed.Add(await ListAsync(seller, "Tandem de randonnée Peugeot"));
            await Task.WhenAny(received, Task.Delay(TimeSpan.FromSeconds(1)));
        }
        var message = await received;

        Assert.Equal("next", Str(message["type"]));
        var match = message["payload"]!["data"]!["savedSearchMatched"]!;
        Assert.Equal(Id(saved), Id(match["savedSearch"]));
        Assert.Contains(Id(match["listing"]), listed);
        Assert.False(match["listing"]!["isMine"]!.GetValue<bool>());
        Assert.Null(match["readAt"]);
        Assert.Equal("Tandems près de Lyon", Str(match["savedSearch"]!["name"]));
        Snapshot.Match(JToken.Parse(message.ToJsonString()), o => o
            .IgnoreField("payload.data.savedSearchMatched.id").IgnoreField("payload.data.savedSearchMatched.createdAt")
            .IgnoreField("payload.data.savedSearchMatched.savedSearch.id").IgnoreField("payload.data.savedSearchMatched.listing.id"));
        // Nothing of it reached the other member's socket.
        Assert.DoesNotContain(await bystanderSocket.PingAndCollectUntilPongAsync("after-tandems"), m => Str(m["type"]) == "next");

        // Every listing published raised exactly one stored match, readable later.
        var matches = await WaitForMatchesAsync(watcher, nodes => nodes.Count == listed.Count);
        Assert.Equal(listed.Order(), MatchedListingIds(matches).Order());
        Assert.Equal(0, (await WaitForMatchesAsync(bystander, _ => true))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Listings_that_do_not_match_raise_nothing()
    {
        var (watcher, _) = await MemberAsync(app, "Picky");
        var (seller, _) = await MemberAsync(app, "Vendor");
        var centre = new GeoPoint(47.2184, -1.5536);
        await SaveAsync(watcher, new
        {
            name = "Kayaks à Nantes",
            query = "kayak",
            near = new { latitude = centre.Latitude, longitude = centre.Longitude, radiusKm = 10.0 },
            where = new { categoryIds = new[] { ListingTestKit.CategoryId(8) }, conditions = new[] { "GOOD", "NEW" } },
        });
        var silent = await SaveAsync(watcher, new { name = "Kayaks, sans alerte", query = "kayak", notify = false });

        await ListAsync(seller, "Kayak gonflable canapé", categoryId: 101, at: centre);                                  // another category
        await ListAsync(seller, "Kayak de mer loin", at: SearchTestKit.ExactPointBlurredAt(centre, 10.3, 11.0));         // outside the radius
        await ListAsync(seller, "Kayak usé", at: centre, condition: "FAIR");                                             // another condition
        await ListAsync(seller, "Paddle gonflable", at: centre);                                                         // other words
        await ListAsync(watcher, "Kayak à moi", at: centre);                                                             // the searcher's own
        var sentinel = await ListAsync(seller, "Kayak biplace rigide", at: centre);

        // Jobs are processed in order: once the sentinel matched and nothing is pending, every earlier one was decided.
        var matches = await WaitForMatchesAsync(watcher, nodes => nodes.Count >= 1);
        Assert.Equal(0, await WaitForPendingJobsAsync());
        matches = await WaitForMatchesAsync(watcher, _ => true);
        Assert.Equal([sentinel], MatchedListingIds(matches));
        Assert.DoesNotContain(matches["nodes"]!.AsArray(), n => Id(n!["savedSearch"]) == Id(silent));
    }

    [Fact]
    public async Task A_search_saved_by_item_type_alerts_for_that_kind_of_thing_whatever_its_title_says()
    {
        var (watcher, _) = await MemberAsync(app, "Cyclist");
        var (seller, _) = await MemberAsync(app, "Garage");
        var saved = await SaveAsync(watcher, new { name = "Un vélo de ville", where = new { itemTypeIds = new[] { ListingTestKit.ItemTypeId("velo-ville") } } });
        Assert.Equal(["velo-ville"], saved["where"]!["itemTypes"]!.AsArray().Select(t => Str(t!["slug"])).ToArray());

        await ListAsync(seller, "Perceuse visseuse Bosch");                            // another item type
        var bike = await ListAsync(seller, "Biclou hollandais pour aller au boulot");   // a city bike, in slang

        var matches = await WaitForMatchesAsync(watcher, nodes => nodes.Count >= 1);
        Assert.Equal(0, await WaitForPendingJobsAsync());
        matches = await WaitForMatchesAsync(watcher, _ => true);
        Assert.Equal([bike], MatchedListingIds(matches));

        var refused = (await watcher.PostAsync(Save, new { input = new { name = "Licornes", where = new { itemTypeIds = new[] { ListingTestKit.ItemTypeId("licorne-volante") } } } }))
            .EnsureNoErrors().Data!["saveSearch"]!;
        Assert.Null(refused["savedSearch"]);
        Assert.Equal(("ITEM_TYPE_NOT_FOUND", "where.itemTypeIds"), (Str(refused["errors"]![0]!["code"]), Str(refused["errors"]![0]!["field"])));
    }

    [Fact]
    public async Task Alerts_match_exactly_what_the_search_finds_typos_plurals_and_the_radius_boundary()
    {
        var (watcher, _) = await MemberAsync(app, "Exact");
        var (seller, _) = await MemberAsync(app, "Careful");
        var centre = new GeoPoint(45.2, 5.7);
        await SaveAsync(watcher, new { name = "Bicyclettes", query = "bycyclette", near = new { latitude = centre.Latitude, longitude = centre.Longitude, radiusKm = 10.0 } });
        await SaveAsync(watcher, new { name = "Casseroles", query = "casseroles cuivre" });

        var inside = await ListAsync(seller, "Bicyclette ancienne", at: SearchTestKit.ExactPointBlurredAt(centre, 9.86, 9.94));
        await ListAsync(seller, "Bicyclette récente", at: SearchTestKit.ExactPointBlurredAt(centre, 10.06, 10.14));
        var pan = await ListAsync(seller, "Casserole en cuivré", categoryId: 102);

        await WaitForMatchesAsync(watcher, nodes => nodes.Count >= 2);
        Assert.Equal(0, await WaitForPendingJobsAsync());
        var matches = await WaitForMatchesAsync(watcher, _ => true);
        Assert.Equal(new[] { inside, pan }.Order(), MatchedListingIds(matches).Order());
        var search = await SearchTestKit.SearchAsync(watcher, new { query = "bycyclette", near = new { latitude = centre.Latitude, longitude = centre.Longitude, radiusKm = 10.0 } });
        Assert.Equal([inside], SearchTestKit.Ids(search));
    }

    [Fact]
    public async Task A_reactivated_listing_alerts_once_and_updates_never_alert_again()
    {
        var (watcher, _) = await MemberAsync(app, "Patient");
        var (seller, _) = await MemberAsync(app, "Hesitant");
        var old = await ListAsync(seller, "Théorbe baroque ancien", categoryId: 601);
        var archive = (await seller.PostAsync(ListingTestKit.Archive, new { input = new { id = old } })).EnsureNoErrors();
        Assert.Empty(archive.Data!["archiveListing"]!["errors"]!.AsArray());
        Assert.Equal(0, await WaitForPendingJobsAsync());
        var saved = await SaveAsync(watcher, new { name = "Théorbes", query = "théorbe" });

        var reactivate = (await seller.PostAsync(ListingTestKit.Reactivate, new { input = new { id = old } })).EnsureNoErrors();
        Assert.Empty(reactivate.Data!["reactivateListing"]!["errors"]!.AsArray());
        var matches = await WaitForMatchesAsync(watcher, nodes => nodes.Count == 1);
        Assert.Equal([old], MatchedListingIds(matches));

        // Edits, and going offline and back again, never raise a second alert for the same search and listing.
        await seller.PostAsync(ListingTestKit.Update, new { input = new { id = old, title = "Théorbe baroque restauré" } });
        await seller.PostAsync(ListingTestKit.Archive, new { input = new { id = old } });
        await seller.PostAsync(ListingTestKit.Reactivate, new { input = new { id = old } });
        var sentinel = await ListAsync(seller, "Théorbe moderne", categoryId: 601);
        matches = await WaitForMatchesAsync(watcher, nodes => nodes.Count >= 2);
        Assert.Equal(0, await WaitForPendingJobsAsync());
        matches = await WaitForMatchesAsync(watcher, _ => true);
        Assert.Equal(new[] { sentinel, old }, MatchedListingIds(matches));

        var mine = (await watcher.PostAsync(MySavedSearches)).EnsureNoErrors().Data!["me"]!["savedSearches"]![0]!;
        Assert.Equal(Id(saved), Id(mine));
        Assert.Equal(2, mine["unreadMatchCount"]!.GetValue<int>());
        Assert.NotNull(mine["lastMatchedAt"]);
    }

    [Fact]
    public async Task A_match_disappears_when_either_member_blocks_the_other_later_and_comes_back_when_unblocked()
    {
        var (watcher, _) = await MemberAsync(app, "Guarded");
        var (seller, sellerAccount) = await MemberAsync(app, "Pushy");
        var (other, _) = await MemberAsync(app, "Polite");
        var (blocker, _) = await MemberAsync(app, "Fed-up");
        await SaveAsync(watcher, new { name = "Nyckelharpas", query = "nyckelharpa" });
        var pushy = await ListAsync(seller, "Nyckelharpa suédoise", categoryId: 601);
        var polite = await ListAsync(other, "Nyckelharpa chromatique", categoryId: 601);
        var fedUp = await ListAsync(blocker, "Nyckelharpa ancienne", categoryId: 601);
        await WaitForMatchesAsync(watcher, nodes => nodes.Count == 3);
        const string Block = "mutation($input: BlockUserInput!) { blockUser(input: $input) { errors { __typename } } }";
        const string Unblock = "mutation($input: UnblockUserInput!) { unblockUser(input: $input) { errors { __typename } } }";
        const string Badge = "{ me { savedSearchMatches(unreadOnly: true) { totalCount } savedSearches { unreadMatchCount } } }";

        // The watcher blocks the seller; another member blocks the watcher. Both alerts were raised before either block.
        Assert.Empty((await watcher.PostAsync(Block, new { input = new { userId = sellerAccount.UserId } })).EnsureNoErrors().Data!["blockUser"]!["errors"]!.AsArray());
        var watcherId = (await watcher.PostAsync("{ me { id } }")).EnsureNoErrors().Data!["me"]!["id"]!.GetValue<string>();
        Assert.Empty((await blocker.PostAsync(Block, new { input = new { userId = watcherId } })).EnsureNoErrors().Data!["blockUser"]!["errors"]!.AsArray());

        var matches = (await watcher.PostAsync(MyMatches, new { first = 100 })).EnsureNoErrors().Data!["me"]!["savedSearchMatches"]!;
        var badge = (await watcher.PostAsync(Badge)).EnsureNoErrors().Data!["me"]!;
        Assert.Equal([polite], MatchedListingIds(matches));
        Assert.Equal(1, matches["totalCount"]!.GetValue<int>());
        Assert.Equal(1, badge["savedSearchMatches"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(1, badge["savedSearches"]![0]!["unreadMatchCount"]!.GetValue<int>());

        // Unblocking shows the alerts again: they were hidden, never deleted.
        await watcher.PostAsync(Unblock, new { input = new { userId = sellerAccount.UserId } });
        await blocker.PostAsync(Unblock, new { input = new { userId = watcherId } });
        matches = (await watcher.PostAsync(MyMatches, new { first = 100 })).EnsureNoErrors().Data!["me"]!["savedSearchMatches"]!;
        Assert.Equal(new[] { fedUp, polite, pushy }.Order(), MatchedListingIds(matches).Order());
    }

    [Fact]
    public async Task Matches_are_read_page_by_page_and_marked_read_for_the_badge()
    {
        var (watcher, _) = await MemberAsync(app, "Reader");
        var (other, _) = await MemberAsync(app, "Nosy");
        var (seller, _) = await MemberAsync(app, "Prolific");
        var saved = await SaveAsync(watcher, new { name = "Banjos", query = "banjo" });
        var listed = new List<string>();
        for (var i = 0; i < 3; i++) listed.Add(await ListAsync(seller, $"Banjo cinq cordes {i}", categoryId: 601));
        var all = await WaitForMatchesAsync(watcher, nodes => nodes.Count == 3);

        var first = (await watcher.PostAsync(MyMatches, new { first = 2 })).EnsureNoErrors().Data!["me"]!["savedSearchMatches"]!;
        var second = (await watcher.PostAsync(MyMatches, new { first = 2, after = Str(first["pageInfo"]!["endCursor"]) })).EnsureNoErrors().Data!["me"]!["savedSearchMatches"]!;
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(second["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(Enumerable.Reverse(listed), MatchedListingIds(first).Concat(MatchedListingIds(second)));
        // Cursors are opaque: a bare number (what a match id looks like underneath) or garbage is refused, never a 500.
        foreach (var forged in new[] { "1", "not-a-cursor", GlobalListingId(Guid.NewGuid()) })
        {
            var refused = await watcher.PostAsync(MyMatches, new { first = 2, after = forged });
            Assert.Equal("PAGINATION_INVALID", Str(refused.Errors![0]!["extensions"]!["code"]));
        }

        // Someone else cannot mark them, nor name the search.
        var byOther = (await other.PostAsync(MarkRead, new { input = new { savedSearchId = Id(saved) } })).EnsureNoErrors().Data!["markSavedSearchMatchesRead"]!;
        Assert.Equal(["SAVED_SEARCH_NOT_FOUND"], ErrorCodes(byOther));
        Assert.Equal(0, (await other.PostAsync(MarkRead, new { input = new { } })).EnsureNoErrors().Data!["markSavedSearchMatchesRead"]!["unreadCount"]!.GetValue<int>());

        // Up to the second newest: the newest stays unread.
        var upTo = Id(all["nodes"]![1]);
        var marked = (await watcher.PostAsync(MarkRead, new { input = new { savedSearchId = Id(saved), upToMatchId = upTo } })).EnsureNoErrors();
        Assert.Equal(1, marked.Data!["markSavedSearchMatchesRead"]!["unreadCount"]!.GetValue<int>());
        var unread = (await watcher.PostAsync(MyMatches, new { unreadOnly = true })).EnsureNoErrors().Data!["me"]!["savedSearchMatches"]!;
        Assert.Equal(1, unread["totalCount"]!.GetValue<int>());
        Assert.Equal([listed[2]], MatchedListingIds(unread));

        var rest = (await watcher.PostAsync(MarkRead, new { input = new { } })).EnsureNoErrors();
        rest.MatchSnapshot();
        Assert.Equal(0, (await watcher.PostAsync(MyMatches, new { unreadOnly = true })).EnsureNoErrors().Data!["me"]!["savedSearchMatches"]!["totalCount"]!.GetValue<int>());

        // An archived listing's match leaves the list.
        await seller.PostAsync(ListingTestKit.Archive, new { input = new { id = listed[0] } });
        Assert.Equal(2, (await watcher.PostAsync(MyMatches)).EnsureNoErrors().Data!["me"]!["savedSearchMatches"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_saved_search_whose_definition_cannot_be_read_holds_up_no_other_alert()
    {
        var (watcher, watcherAccount) = await MemberAsync(app, "Sturdy");
        var (seller, _) = await MemberAsync(app, "Steady");
        await SaveAsync(watcher, new { name = "Cornemuses", query = "cornemuse" });
        // As a newer version might write it during a rolling deploy: a condition this version does not know.
        Assert.True(GlobalId.TryDecodeGuid(watcherAccount.UserId, "User", out var ownerId));
        await using (var insert = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            INSERT INTO saved_searches (id, owner_id, name, definition, notify, created_at, updated_at)
            VALUES (gen_random_uuid(), $1, 'Du futur', '{"criteria": {"text": "cornemuse", "conditions": ["Holographic"]}}', true, now(), now())
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = ownerId });
            await insert.ExecuteNonQueryAsync();
        }

        var listing = await ListAsync(seller, "Cornemuse écossaise", categoryId: 601);

        var matches = await WaitForMatchesAsync(watcher, nodes => nodes.Count >= 1);
        Assert.Equal([listing], MatchedListingIds(matches));
        Assert.Equal("Cornemuses", Str(matches["nodes"]![0]!["savedSearch"]!["name"]));
    }

    [Fact]
    public async Task The_subscription_needs_a_signed_in_member()
    {
        await using var socket = await TransportWsTestClient.ConnectAsync(app.Server, ["graphql-transport-ws"]);
        await socket.InitAsync();
        await socket.SubscribeAsync("anonymous", Subscription);

        var message = await socket.ReceiveMessageAsync();

        Assert.Equal("error", Str(message["type"]));
        Assert.Contains("AUTH_NOT_AUTHENTICATED", message.ToJsonString());
    }

    private async Task<int> WaitForPendingJobsAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        int pending;
        while ((pending = await PendingJobsAsync(app)) > 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        return pending;
    }
}
