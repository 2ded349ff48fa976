using System.Globalization;
using Troc.Graph.Common;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Listings.ListingTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Listings;

public sealed class ListingMutationTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private static Func<Snapshooter.MatchOptions, Snapshooter.MatchOptions> Volatile(string root) => o => o
        .IgnoreField($"{root}.listing.id").IgnoreField($"{root}.listing.createdAt").IgnoreField($"{root}.listing.updatedAt")
        .IgnoreField($"{root}.listing.owner.id");

    [Fact]
    public async Task A_verified_member_publishes_a_listing_and_sees_its_exact_point_while_the_public_point_is_blurred()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);

        var response = await client.PostAsync(Create, new { input = ValidInput() });

        var listing = response.EnsureNoErrors().Data!["createListing"]!["listing"]!;
        Assert.Empty(response.Data!["createListing"]!["errors"]!.AsArray());
        Assert.Equal("ACTIVE", Str(listing["status"]));
        Assert.True(listing["isMine"]!.GetValue<bool>());
        Assert.Equal(ExactLatitude, listing["exactLocation"]!["latitude"]!.GetValue<double>());
        Assert.NotEqual(ExactLatitude, listing["location"]!["latitude"]!.GetValue<double>());
        Assert.Equal(["machine à café", "livres de SF"], listing["wants"]!.AsArray().Select(w => Str(w!["text"])));
        response.MatchSnapshot(Volatile("data.createListing"));
    }

    [Fact]
    public async Task Creating_needs_a_signed_in_member_with_a_verified_email()
    {
        var client = app.CreateGraphQLClient();
        var anonymous = await client.PostAsync(Create, new { input = ValidInput() });
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], GraphQLErrorCodes(anonymous));
        Assert.Null(anonymous.Data);

        var account = await RegisterAsync(client);
        var unverified = await client.As(account.AccessToken).PostAsync(Create, new { input = ValidInput() });
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], GraphQLErrorCodes(unverified));
    }

    public static TheoryData<string, object?, string, string> BadInputs => new()
    {
        { "title", "ab", "title", "TITLE_TOO_SHORT" },
        { "title", "   ", "title", "TITLE_TOO_SHORT" },
        { "title", new string('x', 10_000), "title", "TITLE_TOO_LONG" },
        { "description", new string('d', 4_001), "description", "DESCRIPTION_TOO_LONG" },
        { "wants", Wants("a", "b", "c", "d", "e", "f"), "wants", "TOO_MANY_WANTS" },
        { "wants", Wants("ok", ""), "wants[1]", "WANT_EMPTY" },
        { "location", new { latitude = 91, longitude = 2 }, "location", "LOCATION_OUT_OF_RANGE" },
        { "location", new { latitude = 45, longitude = -180.5 }, "location", "LOCATION_OUT_OF_RANGE" },
        { "placeName", "", "placeName", "PLACE_NAME_EMPTY" },
        { "categoryId", GlobalId.Encode("Category", 8), "categoryId", "CATEGORY_NOT_LEAF" },
        { "categoryId", GlobalId.Encode("Category", 999_999), "categoryId", "CATEGORY_NOT_FOUND" },
        { "categoryId", GlobalId.Encode("User", 801), "categoryId", "CATEGORY_NOT_FOUND" },
        { "categoryId", "not an id", "categoryId", "CATEGORY_NOT_FOUND" },
        { "wantedCategoryIds", new[] { GlobalId.Encode("Category", 424_242) }, "wantedCategoryIds", "CATEGORY_NOT_FOUND" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_a_typed_error_naming_the_field_and_stores_nothing(string key, object? value, string field, string code)
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);

        var response = await client.PostAsync(Create, new { input = ValidInput(new() { [key] = value }) });

        var payload = response.EnsureNoErrors().Data!["createListing"]!;
        Assert.Null(payload["listing"]);
        var error = Assert.Single(payload["errors"]!.AsArray());
        Assert.Equal((field, code), (Str(error!["field"]), Str(error["code"])));
        var mine = await client.PostAsync("{ me { listings { totalCount } } }");
        Assert.Equal(0, mine.EnsureNoErrors().Data!["me"]!["listings"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_wrongly_typed_condition_is_a_request_error_not_a_500()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);

        var response = await client.PostAsync(Create, new { input = ValidInput(new() { ["condition"] = "BROKEN" }) });

        Assert.Equal(400, response.StatusCode);
        Assert.NotNull(response.Errors);
    }

    [Fact]
    public async Task Only_the_owner_updates_archives_or_reactivates_and_refusals_change_nothing()
    {
        var owner = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, owner, "Owner");
        var id = await CreateListingAsync(owner);
        var other = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, other, "Other");

        var update = await other.PostAsync(Update, new { input = new { id, title = "Volé !" } });
        var archive = await other.PostAsync(Archive, new { input = new { id } });

        Assert.Equal(["NOT_OWNER"], ErrorCodes(update.EnsureNoErrors().Data!["updateListing"]));
        Assert.Equal(["NOT_OWNER"], ErrorCodes(archive.EnsureNoErrors().Data!["archiveListing"]));
        update.MatchSnapshot(name: "notOwner");
        var unchanged = await other.PostAsync(Get, new { id });
        Assert.Equal("Vélo de ville Peugeot", Str(unchanged.EnsureNoErrors().Data!["listing"]!["title"]));
        Assert.Equal("ACTIVE", Str(unchanged.Data!["listing"]!["status"]));
    }

    [Fact]
    public async Task The_owner_changes_only_the_fields_given_and_bad_changes_are_refused_whole()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);
        var id = await CreateListingAsync(client);

        var update = await client.PostAsync(Update, new { input = new { id, title = "Vélo de course", wants = Wants("VTT"), condition = "FAIR" } });
        var listing = update.EnsureNoErrors().Data!["updateListing"]!["listing"]!;
        Assert.Equal("Vélo de course", Str(listing["title"]));
        Assert.Equal("FAIR", Str(listing["condition"]));
        Assert.Equal("Cadre 54, pneus neufs, révisé en mars.", Str(listing["description"]));
        Assert.Equal(["VTT"], listing["wants"]!.AsArray().Select(w => Str(w!["text"])));

        var bad = await client.PostAsync(Update, new { input = new { id, title = "ok title", description = new string('d', 5000) } });
        Assert.Equal(["DESCRIPTION_TOO_LONG"], ErrorCodes(bad.EnsureNoErrors().Data!["updateListing"]));
        var after = await client.PostAsync(Get, new { id });
        Assert.Equal("Vélo de course", Str(after.EnsureNoErrors().Data!["listing"]!["title"]));
    }

    [Fact]
    public async Task Unknown_or_malformed_listing_ids_are_not_found()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);

        foreach (var id in new[] { GlobalId.Encode("Listing", Guid.NewGuid().ToString("N")), "garbage", GlobalId.Encode("Category", 101) })
        {
            var update = await client.PostAsync(Update, new { input = new { id, title = "Nouveau titre" } });
            var archive = await client.PostAsync(Archive, new { input = new { id } });
            var favorite = await client.PostAsync(Favorite, new { input = new { id } });
            Assert.Equal(["LISTING_NOT_FOUND"], ErrorCodes(update.EnsureNoErrors().Data!["updateListing"]));
            Assert.Equal(["LISTING_NOT_FOUND"], ErrorCodes(archive.EnsureNoErrors().Data!["archiveListing"]));
            Assert.Equal(["LISTING_NOT_FOUND"], ErrorCodes(favorite.EnsureNoErrors().Data!["favoriteListing"]));
        }
    }

    [Fact]
    public async Task An_archived_listing_disappears_for_others_and_comes_back_when_reactivated()
    {
        var owner = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, owner, "Owner");
        var id = await CreateListingAsync(owner);
        var other = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, other, "Other");

        var archive = await owner.PostAsync(Archive, new { input = new { id } });
        Assert.Equal("ARCHIVED", Str(archive.EnsureNoErrors().Data!["archiveListing"]!["listing"]!["status"]));
        Assert.Null((await other.PostAsync(Get, new { id })).EnsureNoErrors().Data!["listing"]);
        Assert.NotNull((await owner.PostAsync(Get, new { id })).EnsureNoErrors().Data!["listing"]);
        var twice = await owner.PostAsync(Archive, new { input = new { id } });
        Assert.Equal(["LISTING_ARCHIVED"], ErrorCodes(twice.EnsureNoErrors().Data!["archiveListing"]));
        twice.MatchSnapshot(name: "archivedTwice");

        var reactivate = await owner.PostAsync(Reactivate, new { input = new { id } });
        Assert.Equal("ACTIVE", Str(reactivate.EnsureNoErrors().Data!["reactivateListing"]!["listing"]!["status"]));
        Assert.NotNull((await other.PostAsync(Get, new { id })).EnsureNoErrors().Data!["listing"]);
        var again = await owner.PostAsync(Reactivate, new { input = new { id } });
        Assert.Equal(["LISTING_NOT_ARCHIVED"], ErrorCodes(again.EnsureNoErrors().Data!["reactivateListing"]));
    }

    [Fact]
    public async Task Favourites_count_once_per_member_and_cannot_target_your_own_listing()
    {
        var owner = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, owner, "Owner");
        var id = await CreateListingAsync(owner);
        var fan = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, fan, "Fan");

        var first = await fan.PostAsync(Favorite, new { input = new { id } });
        var second = await fan.PostAsync(Favorite, new { input = new { id } });
        var own = await owner.PostAsync(Favorite, new { input = new { id } });

        var listing = second.EnsureNoErrors().Data!["favoriteListing"]!["listing"]!;
        Assert.Empty(first.EnsureNoErrors().Data!["favoriteListing"]!["errors"]!.AsArray());
        Assert.True(listing["isFavorite"]!.GetValue<bool>());
        Assert.Equal(1, listing["favoriteCount"]!.GetValue<int>());
        Assert.Equal(["OWN_LISTING"], ErrorCodes(own.EnsureNoErrors().Data!["favoriteListing"]));
        var favorites = await fan.PostAsync("{ me { favorites { totalCount nodes { id title } } } }");
        Assert.Equal(id, Str(favorites.EnsureNoErrors().Data!["me"]!["favorites"]!["nodes"]![0]!["id"]));
        favorites.MatchSnapshot(o => o.IgnoreField("data.me.favorites.nodes[0].id"));

        var removed = await fan.PostAsync(Unfavorite, new { input = new { id } });
        var removedTwice = await fan.PostAsync(Unfavorite, new { input = new { id } });
        Assert.False(removed.EnsureNoErrors().Data!["unfavoriteListing"]!["listing"]!["isFavorite"]!.GetValue<bool>());
        Assert.Equal(0, removedTwice.EnsureNoErrors().Data!["unfavoriteListing"]!["listing"]!["favoriteCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Nobody_but_the_owner_ever_receives_the_exact_coordinates()
    {
        var owner = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, owner, "Owner");
        var id = await CreateListingAsync(owner);
        var ownerId = Str((await owner.PostAsync("{ me { id } }")).Data!["me"]!["id"]);
        var other = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, other, "Other");
        var anonymous = app.CreateGraphQLClient();

        var reads = new List<GraphQLResponse>();
        foreach (var reader in new[] { other, anonymous })
        {
            reads.Add(await reader.PostAsync(Get, new { id }));
            reads.Add(await reader.PostAsync("query($id: ID!) { node(id: $id) { ... on Listing { location { latitude longitude } exactLocation { latitude longitude } } } }", new { id }));
            reads.Add(await reader.PostAsync("query($id: ID!) { user(id: $id) { listings { nodes { location { latitude longitude } placeName } } } }", new { id = ownerId }));
            reads.Add(await reader.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Listing { exactLocation { latitude } } } }", new { ids = new[] { id } }));
        }

        var exactLatitude = ExactLatitude.ToString(CultureInfo.InvariantCulture);
        var exactLongitude = ExactLongitude.ToString(CultureInfo.InvariantCulture);
        foreach (var read in reads)
        {
            Assert.DoesNotContain(exactLatitude, read.Body);
            Assert.DoesNotContain(exactLongitude, read.Body);
        }
        var refused = reads[1];
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], GraphQLErrorCodes(refused));
        Assert.NotNull(refused.Data!["node"]!["location"]);
        var ownRead = await owner.PostAsync("query($id: ID!) { listing(id: $id) { exactLocation { latitude longitude } } }", new { id });
        Assert.Contains(exactLatitude, ownRead.EnsureNoErrors().Body);
    }

    [Fact]
    public async Task A_members_listings_page_without_holes_or_duplicates_and_hide_archived_ones_from_others()
    {
        var owner = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, owner, "Owner");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await CreateListingAsync(owner, new() { ["title"] = $"Objet numéro {i}" }));
        await owner.PostAsync(Archive, new { input = new { id = ids[0] } });
        var ownerId = Str((await owner.PostAsync("{ me { id } }")).Data!["me"]!["id"]);
        var other = app.CreateGraphQLClient();

        const string page = "query($id: ID!, $after: String) { user(id: $id) { listings(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id title } } } }";
        var seen = new List<string>();
        string? after = null;
        do
        {
            var response = await other.PostAsync(page, new { id = ownerId, after });
            var listings = response.EnsureNoErrors().Data!["user"]!["listings"]!;
            Assert.Equal(4, listings["totalCount"]!.GetValue<int>());
            seen.AddRange(listings["nodes"]!.AsArray().Select(n => Str(n!["id"])));
            after = listings["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? Str(listings["pageInfo"]!["endCursor"]) : null;
        } while (after is not null);

        Assert.Equal(ids.Skip(1).Reverse(), seen);
        var mine = await owner.PostAsync("{ me { listings(status: ARCHIVED) { totalCount } } }");
        Assert.Equal(1, mine.EnsureNoErrors().Data!["me"]!["listings"]!["totalCount"]!.GetValue<int>());
    }
}
