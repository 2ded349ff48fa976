using System.Text.Json.Nodes;
using Snapshooter.Xunit;
using Troc.Graph.Common;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Listings.ListingTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Moderation;

/// <summary>blockUser and unblockUser through the API, and what a block hides: search results in both directions.</summary>
public sealed class BlockUserTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string Block = $"mutation($input: BlockUserInput!) {{ blockUser(input: $input) {{ user {{ id displayName isBlocked }} errors {{ {AnyError} }} }} }}";
    private const string Unblock = $"mutation($input: UnblockUserInput!) {{ unblockUser(input: $input) {{ user {{ id isBlocked }} errors {{ {CodedError} }} }} }}";
    private const string BlockedUsers = "{ me { blockedUsers { totalCount nodes { id displayName isBlocked } } } }";

    private async Task<(GraphQLClient Client, Account Account)> MemberAsync(string name)
    {
        var client = app.CreateGraphQLClient();
        var account = await VerifiedMemberAsync(app, client, name);
        return (client, account);
    }

    private static JsonNode Payload(GraphQLResponse response, string mutation) => response.EnsureNoErrors().Data![mutation]!;

    private static string[] Codes(JsonNode payload) => payload["errors"]!.AsArray().Select(e => Str(e!["code"])).ToArray();

    [Fact]
    public async Task Blocking_is_idempotent_listed_for_the_blocker_only_and_undone_by_unblocking()
    {
        var (alice, _) = await MemberAsync("Alice");
        var (_, bruno) = await MemberAsync("Bruno");

        var blocked = await alice.PostAsync(Block, new { input = new { userId = bruno.UserId } });
        var again = await alice.PostAsync(Block, new { input = new { userId = bruno.UserId } });

        blocked.MatchSnapshot(o => o.IgnoreField("data.blockUser.user.id"));
        Assert.Empty(Codes(Payload(blocked, "blockUser")));
        Assert.True(Payload(blocked, "blockUser")["user"]!["isBlocked"]!.GetValue<bool>());
        Assert.Empty(Codes(Payload(again, "blockUser")));
        var list = (await alice.PostAsync(BlockedUsers)).EnsureNoErrors().Data!["me"]!["blockedUsers"]!;
        Assert.Equal(1, list["totalCount"]!.GetValue<int>());
        Assert.Equal(bruno.UserId, Str(list["nodes"]![0]!["id"]));

        var unblocked = Payload(await alice.PostAsync(Unblock, new { input = new { userId = bruno.UserId } }), "unblockUser");
        var unblockedAgain = Payload(await alice.PostAsync(Unblock, new { input = new { userId = bruno.UserId } }), "unblockUser");

        Assert.Empty(Codes(unblocked));
        Assert.False(unblocked["user"]!["isBlocked"]!.GetValue<bool>());
        Assert.Empty(Codes(unblockedAgain));
        Assert.Equal(0, (await alice.PostAsync(BlockedUsers)).EnsureNoErrors().Data!["me"]!["blockedUsers"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_blocked_member_cannot_tell_and_nobody_else_reads_the_list()
    {
        var (alice, aliceAccount) = await MemberAsync("Alice");
        var (bruno, brunoAccount) = await MemberAsync("Bruno");
        Assert.Empty(Codes(Payload(await alice.PostAsync(Block, new { input = new { userId = brunoAccount.UserId } }), "blockUser")));

        var seenByBruno = await bruno.PostAsync(
            "query($id: ID!) { node(id: $id) { ... on User { displayName isBlocked blockedUsers { totalCount } } } }", new { id = aliceAccount.UserId });

        // isBlocked says whether *Bruno* blocks Alice; Alice's own list is hers alone.
        Assert.False(seenByBruno.Data!["node"]!["isBlocked"]!.GetValue<bool>());
        Assert.Null(seenByBruno.Data["node"]!["blockedUsers"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], GraphQLErrorCodes(seenByBruno));
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("")]
    [InlineData("TGlzdGluZzowMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA")] // a Listing id
    [InlineData("VXNlcjowMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA")] // a well-formed User id nobody has
    public async Task An_id_that_names_no_member_is_user_not_found_for_both_mutations(string userId)
    {
        var (alice, _) = await MemberAsync("Alice");

        var block = Payload(await alice.PostAsync(Block, new { input = new { userId } }), "blockUser");
        var unblock = Payload(await alice.PostAsync(Unblock, new { input = new { userId } }), "unblockUser");

        Assert.Equal(["USER_NOT_FOUND"], Codes(block));
        Assert.Null(block["user"]);
        Assert.Equal(["USER_NOT_FOUND"], Codes(unblock));
        Assert.Equal(0, (await alice.PostAsync(BlockedUsers)).EnsureNoErrors().Data!["me"]!["blockedUsers"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Nobody_blocks_themself_and_signed_out_callers_are_refused()
    {
        var (alice, account) = await MemberAsync("Alice");

        var self = Payload(await alice.PostAsync(Block, new { input = new { userId = account.UserId } }), "blockUser");
        var anonymous = await app.CreateGraphQLClient().PostAsync(Block, new { input = new { userId = account.UserId } });

        Assert.Equal(["CANNOT_BLOCK_YOURSELF"], Codes(self));
        Assert.Equal("userId", Str(self["errors"]![0]!["field"]));
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], GraphQLErrorCodes(anonymous));
    }

    [Fact]
    public async Task Search_hides_listings_across_a_block_in_both_directions_until_it_is_lifted()
    {
        var (alice, _) = await MemberAsync("Alice");
        var (bruno, brunoAccount) = await MemberAsync("Bruno");
        var (carole, _) = await MemberAsync("Carole");
        var aliceListing = await CreateListingAsync(alice, new() { ["title"] = "Théière en fonte bloquée" });
        var brunoListing = await CreateListingAsync(bruno, new() { ["title"] = "Théière en fonte de Bruno" });
        const string Search = "{ searchListings(query: \"théière fonte\") { totalCount nodes { id } } }";
        string[] Found(GraphQLResponse response) =>
            response.EnsureNoErrors().Data!["searchListings"]!["nodes"]!.AsArray().Select(n => Str(n!["id"])).ToArray();

        Assert.Empty(Codes(Payload(await alice.PostAsync(Block, new { input = new { userId = brunoAccount.UserId } }), "blockUser")));

        var seenByAlice = await alice.PostAsync(Search);
        Assert.Equal([aliceListing], Found(seenByAlice));
        Assert.Equal(1, seenByAlice.Data!["searchListings"]!["totalCount"]!.GetValue<int>());
        Assert.Equal([brunoListing], Found(await bruno.PostAsync(Search)));
        Assert.Equal(2, Found(await carole.PostAsync(Search)).Length);
        Assert.Equal(2, Found(await app.CreateGraphQLClient().PostAsync(Search)).Length);

        Assert.Empty(Codes(Payload(await alice.PostAsync(Unblock, new { input = new { userId = brunoAccount.UserId } }), "unblockUser")));

        Assert.Equal(2, Found(await alice.PostAsync(Search)).Length);
        Assert.Equal(2, Found(await bruno.PostAsync(Search)).Length);
    }
}
