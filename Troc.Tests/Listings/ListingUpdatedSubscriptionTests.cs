using System.Text.Json.Nodes;
using Troc.Tests.Infrastructure;
using Troc.Tests.Transport.WebSockets;
using static Troc.Tests.Listings.ListingTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Listings;

public sealed class ListingUpdatedSubscriptionTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string Subscription = """
        subscription($id: ID!) { listingUpdated(id: $id) { listingId listing { title status } } }
        """;

    [Fact]
    public async Task Someone_watching_a_listing_sees_its_changes_and_sees_it_vanish_when_archived()
    {
        var owner = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, owner, "Owner");
        var id = await CreateListingAsync(owner);
        var watcher = await RegisterAsync(app.CreateGraphQLClient(), displayName: "Watcher");

        await using var socket = await TransportWsTestClient.ConnectAsync(app.Server, ["graphql-transport-ws"]);
        await socket.InitAsync(new { authorization = $"Bearer {watcher.AccessToken}" });
        await socket.SubscribeAsync("watch", Subscription, new { id });

        // The subscription is live once the server has subscribed to the bus; retry the change until it is seen.
        var update = await UpdateUntilSeenAsync(owner, socket, id);
        Assert.Equal(id, (string?)update["payload"]!["data"]!["listingUpdated"]!["listingId"]);
        Assert.Equal("ACTIVE", (string?)update["payload"]!["data"]!["listingUpdated"]!["listing"]!["status"]);
        Assert.StartsWith("Vélo révisé", (string?)update["payload"]!["data"]!["listingUpdated"]!["listing"]!["title"]);

        await owner.PostAsync(Archive, new { input = new { id } });
        // Events of retried title changes may still be queued before the archive's.
        JsonObject archived;
        do archived = await socket.ReceiveMessageAsync();
        while ((string?)archived["payload"]?["data"]?["listingUpdated"]?["listing"]?["status"] == "ACTIVE");
        Assert.Equal("next", (string?)archived["type"]);
        Assert.Null(archived["payload"]!["data"]!["listingUpdated"]!["listing"]);
    }

    [Fact]
    public async Task An_id_that_is_not_a_listing_is_an_error_message()
    {
        await using var socket = await TransportWsTestClient.ConnectAsync(app.Server, ["graphql-transport-ws"]);
        await socket.InitAsync();
        await socket.SubscribeAsync("bad", Subscription, new { id = "nope" });

        var message = await socket.ReceiveMessageAsync();
        Assert.Contains((string?)message["type"], new[] { "error", "next" });
        Assert.Contains("LISTING_NOT_FOUND", message.ToJsonString());
    }

    [Fact]
    public async Task Another_members_archived_listing_cannot_be_followed()
    {
        var owner = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, owner, "Owner");
        var id = await CreateListingAsync(owner);
        await owner.PostAsync(Archive, new { input = new { id } });
        var stranger = await RegisterAsync(app.CreateGraphQLClient(), displayName: "Stranger");

        foreach (var token in new[] { stranger.AccessToken, null })
        {
            await using var socket = await TransportWsTestClient.ConnectAsync(app.Server, ["graphql-transport-ws"]);
            await socket.InitAsync(token is null ? null : new { authorization = $"Bearer {token}" });
            await socket.SubscribeAsync("watch", Subscription, new { id });

            // The engine reports a refusal by the subscription's resolver as a result without data, then ends it.
            var refusal = await socket.ReceiveMessageAsync();
            Assert.Equal("next", (string?)refusal["type"]);
            Assert.Null(refusal["payload"]!["data"]);
            Assert.Equal("LISTING_NOT_FOUND", (string?)refusal["payload"]!["errors"]![0]!["extensions"]!["code"]);
            Assert.Equal("complete", (string?)(await socket.ReceiveMessageAsync())["type"]);
            // Refused, so nothing follows, however the listing changes.
            await owner.PostAsync(Reactivate, new { input = new { id } });
            await owner.PostAsync(Archive, new { input = new { id } });
            Assert.Empty(await socket.PingAndCollectUntilPongAsync("after-changes"));
        }
    }

    /// <summary>Changes the title once a second until the socket receives an event (or its frame timeout passes).</summary>
    private static async Task<JsonObject> UpdateUntilSeenAsync(GraphQLClient owner, TransportWsTestClient socket, string id)
    {
        var received = socket.ReceiveMessageAsync();
        for (var attempt = 1; !received.IsCompleted && attempt <= 20; attempt++)
        {
            await owner.PostAsync(Update, new { input = new { id, title = $"Vélo révisé {attempt}" } });
            await Task.WhenAny(received, Task.Delay(TimeSpan.FromSeconds(1)));
        }
        return await received;
    }
}
