using System.Text.Json.Nodes;
using Troc.Graph.Common;
using Troc.Tests.Infrastructure;
using Troc.Tests.Listings;
using static Troc.Tests.Search.SavedSearchTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Search;

public sealed class SavedSearchTests(SavedSearchApp app) : IClassFixture<SavedSearchApp>
{
    [Fact]
    public async Task A_saved_search_keeps_its_filters_as_chosen_and_me_lists_it()
    {
        var (client, _) = await MemberAsync(app, "Alix");

        var response = await client.PostAsync(Save, new
        {
            input = new
            {
                name = "  Vélos à Montpellier  ",
                query = " vélo pliant ",
                near = new { placeId = GlobalId.Encode("Place", "34172"), radiusKm = 15.0 },
                where = new
                {
                    categoryIds = new[] { ListingTestKit.CategoryId(8), ListingTestKit.CategoryId(8) },
                    conditions = new[] { "GOOD", "NEW" },
                    excludeMine = true,
                    postedAfter = "2026-01-01T00:00:00Z",
                },
            },
        });

        response.EnsureNoErrors().MatchSnapshot(o => o.IgnoreField("data.saveSearch.savedSearch.id").IgnoreField("data.saveSearch.savedSearch.createdAt"));
        var saved = response.Data!["saveSearch"]!["savedSearch"]!;
        Assert.Equal("Vélos à Montpellier", Str(saved["name"]));
        Assert.Equal("vélo pliant", Str(saved["query"]));
        Assert.True(saved["notify"]!.GetValue<bool>());
        // The parent category is shown as chosen (once), not expanded into its subcategories.
        Assert.Single(saved["where"]!["categories"]!.AsArray());
        Assert.Equal(GlobalId.Encode("Place", "34172"), Str(saved["near"]!["place"]!["id"]));

        var mine = (await client.PostAsync(MySavedSearches)).EnsureNoErrors().Data!["me"]!["savedSearches"]!.AsArray();
        Assert.Equal([Id(saved)], mine.Select(s => Id(s)));
        var viaNode = (await client.PostAsync("query($id: ID!) { node(id: $id) { ... on SavedSearch { name } } }", new { id = Id(saved) })).EnsureNoErrors();
        Assert.Equal("Vélos à Montpellier", Str(viaNode.Data!["node"]!["name"]));
    }

    [Fact]
    public async Task Results_run_the_saved_search_like_searchListings()
    {
        var (owner, _) = await MemberAsync(app, "Noa");
        var (searcher, _) = await MemberAsync(app, "Eden");
        var near = await ListAsync(owner, "Ukulélé soprano results");
        await ListAsync(owner, "Ukulélé ténor results", at: new(43.6, 3.88));
        var saved = await SaveAsync(searcher, new { name = "Ukulélés", query = "ukulele", near = new { latitude = Lyon.Latitude, longitude = Lyon.Longitude, radiusKm = 20.0 } });

        var results = (await searcher.PostAsync("""
            query($id: ID!) { node(id: $id) { ... on SavedSearch { results(order: DISTANCE, first: 10) { totalCount edges { distanceKm node { id } } } } } }
            """, new { id = Id(saved) })).EnsureNoErrors().Data!["node"]!["results"]!;
        var search = await SearchTestKit.SearchAsync(searcher, new { query = "ukulele", near = new { latitude = Lyon.Latitude, longitude = Lyon.Longitude, radiusKm = 20.0 }, order = "DISTANCE" });

        Assert.Equal([near], SearchTestKit.Ids(results));
        Assert.Equal(SearchTestKit.Ids(search), SearchTestKit.Ids(results));
        Assert.Equal(1, results["totalCount"]!.GetValue<int>());
    }

    public static TheoryData<string, string, object> BadInputs() => new()
    {
        { "NAME_EMPTY", "name", new { name = "   " } },
        { "NAME_TOO_LONG", "name", new { name = new string('n', 61) } },
        { "QUERY_TOO_LONG", "query", new { name = "x", query = new string('a', 10_000) } },
        { "INVALID_RADIUS", "near.radiusKm", new { name = "x", near = new { latitude = 45.0, longitude = 5.0, radiusKm = -1.0 } } },
        { "INVALID_RADIUS", "near.radiusKm", new { name = "x", near = new { latitude = 45.0, longitude = 5.0, radiusKm = 0.0 } } },
        { "INVALID_RADIUS", "near.radiusKm", new { name = "x", near = new { latitude = 45.0, longitude = 5.0, radiusKm = 500.5 } } },
        { "INVALID_COORDINATES", "near", new { name = "x", near = new { latitude = 91.0, longitude = 5.0, radiusKm = 10.0 } } },
        { "INVALID_COORDINATES", "near", new { name = "x", near = new { radiusKm = 10.0 } } },
        { "INVALID_COORDINATES", "near", new { name = "x", near = new { latitude = 45.0, longitude = 5.0, placeId = GlobalId.Encode("Place", "34172"), radiusKm = 10.0 } } },
        { "PLACE_NOT_FOUND", "near.placeId", new { name = "x", near = new { placeId = GlobalId.Encode("Place", "99999"), radiusKm = 10.0 } } },
        { "PLACE_NOT_FOUND", "near.placeId", new { name = "x", near = new { placeId = "nonsense", radiusKm = 10.0 } } },
        { "CATEGORY_NOT_FOUND", "where.categoryIds", new { name = "x", where = new { categoryIds = new[] { ListingTestKit.CategoryId(999_999) } } } },
        { "CATEGORY_NOT_FOUND", "where.categoryIds", new { name = "x", where = new { categoryIds = new[] { "not-an-id" } } } },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_a_typed_payload_error_with_the_code_of_searchListings_and_saves_nothing(string code, string field, object input)
    {
        var (client, _) = await MemberAsync(app, "Sam");

        var response = await client.PostAsync(Save, new { input });

        Assert.Equal(200, response.StatusCode);
        var payload = response.EnsureNoErrors().Data!["saveSearch"]!;
        Assert.Null(payload["savedSearch"]);
        var error = Assert.Single(payload["errors"]!.AsArray());
        Assert.Equal(code, Str(error!["code"]));
        Assert.Equal("InvalidInputError", Str(error["__typename"]));
        Assert.Equal(field, Str(error["field"]));
        Assert.Empty((await client.PostAsync(MySavedSearches)).EnsureNoErrors().Data!["me"]!["savedSearches"]!.AsArray());

        // searchListings refuses the same search with the same code (as a GraphQL error: it has no payload).
        var asSearch = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(input))!.AsObject();
        if (code is "NAME_EMPTY" or "NAME_TOO_LONG") return;
        var search = await client.PostAsync(SearchTestKit.Search, new { query = asSearch["query"], near = asSearch["near"], where = asSearch["where"] });
        Assert.Equal(code, GraphQLErrorCodes(search).Single());
    }

    [Fact]
    public async Task A_bad_name_and_a_bad_search_are_reported_together()
    {
        var (client, _) = await MemberAsync(app, "Hâtif");

        var payload = (await client.PostAsync(Save, new { input = new { name = "", near = new { latitude = 45.0, longitude = 5.0, radiusKm = 900.0 } } }))
            .EnsureNoErrors().Data!["saveSearch"]!;

        Assert.Equal(["NAME_EMPTY", "INVALID_RADIUS"], ErrorCodes(payload));
    }

    [Fact]
    public async Task A_member_keeps_at_most_20_saved_searches()
    {
        var (client, _) = await MemberAsync(app, "Charlie");
        // Ten at a time: concurrent saves must not slip past the cap either.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SaveAsync(client, new { name = $"Recherche {i}", query = $"objet {i}" })));

        var refused = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync(Save, new { input = new { name = "Une de trop" } })));

        foreach (var response in refused)
        {
            var payload = response.EnsureNoErrors().Data!["saveSearch"]!;
            Assert.Null(payload["savedSearch"]);
            Assert.Equal("TOO_MANY_SAVED_SEARCHES", Str(payload["errors"]![0]!["code"]));
            Assert.Equal(20, payload["errors"]![0]!["limit"]!.GetValue<int>());
        }
        refused[0].MatchSnapshot();
        Assert.Equal(20, (await client.PostAsync(MySavedSearches)).EnsureNoErrors().Data!["me"]!["savedSearches"]!.AsArray().Count);
    }

    [Fact]
    public async Task Only_the_owner_deletes_renames_or_reads_a_saved_search()
    {
        var (owner, ownerAccount) = await MemberAsync(app, "Robin");
        var (other, _) = await MemberAsync(app, "Mallory");
        var saved = await SaveAsync(owner, new { name = "Tables de ping-pong", query = "ping-pong" });
        var id = Id(saved);

        var deleteByOther = (await other.PostAsync(Delete, new { input = new { savedSearchId = id } })).EnsureNoErrors().Data!["deleteSavedSearch"]!;
        var renameByOther = (await other.PostAsync(Update, new { input = new { savedSearchId = id, name = "À moi" } })).EnsureNoErrors().Data!["updateSavedSearch"]!;
        var nodeForOther = (await other.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id })).EnsureNoErrors().Data!["node"];
        var nodeSignedOut = (await app.CreateGraphQLClient().PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id })).EnsureNoErrors().Data!["node"];
        var listOfOther = await other.PostAsync("query($id: ID!) { user(id: $id) { displayName savedSearches { id } savedSearchMatches { totalCount } } }", new { id = ownerAccount.UserId });

        Assert.Equal(["SAVED_SEARCH_NOT_FOUND"], ErrorCodes(deleteByOther));
        Assert.Null(deleteByOther["deletedSavedSearchId"]);
        Assert.Equal(["SAVED_SEARCH_NOT_FOUND"], ErrorCodes(renameByOther));
        Assert.Null(nodeForOther);
        Assert.Null(nodeSignedOut);
        Assert.Null(listOfOther.Data!["user"]!["savedSearches"]);
        Assert.Null(listOfOther.Data!["user"]!["savedSearchMatches"]);
        Assert.Equal(["AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"], GraphQLErrorCodes(listOfOther));

        var renamed = (await owner.PostAsync(Update, new { input = new { savedSearchId = id, name = "Ping-pong", notify = false } })).EnsureNoErrors().Data!["updateSavedSearch"]!;
        Assert.Empty(renamed["errors"]!.AsArray());
        Assert.Equal("Ping-pong", Str(renamed["savedSearch"]!["name"]));
        Assert.False(renamed["savedSearch"]!["notify"]!.GetValue<bool>());
        var tooLong = (await owner.PostAsync(Update, new { input = new { savedSearchId = id, name = new string('x', 61) } })).EnsureNoErrors().Data!["updateSavedSearch"]!;
        Assert.Equal(["NAME_TOO_LONG"], ErrorCodes(tooLong));

        var deleted = (await owner.PostAsync(Delete, new { input = new { savedSearchId = id } })).EnsureNoErrors().Data!["deleteSavedSearch"]!;
        var again = (await owner.PostAsync(Delete, new { input = new { savedSearchId = id } })).EnsureNoErrors().Data!["deleteSavedSearch"]!;
        var malformed = (await owner.PostAsync(Delete, new { input = new { savedSearchId = "bm9wZQ==" } })).EnsureNoErrors().Data!["deleteSavedSearch"]!;
        var aListingId = (await owner.PostAsync(Delete, new { input = new { savedSearchId = GlobalId.Encode("Listing", Guid.NewGuid().ToString("N")) } })).EnsureNoErrors().Data!["deleteSavedSearch"]!;

        Assert.Equal(id, Str(deleted["deletedSavedSearchId"]));
        Assert.Empty(deleted["errors"]!.AsArray());
        Assert.Equal(["SAVED_SEARCH_NOT_FOUND"], ErrorCodes(again));
        Assert.Equal(["SAVED_SEARCH_NOT_FOUND"], ErrorCodes(malformed));
        Assert.Equal(["SAVED_SEARCH_NOT_FOUND"], ErrorCodes(aListingId));
        Assert.Empty((await owner.PostAsync(MySavedSearches)).EnsureNoErrors().Data!["me"]!["savedSearches"]!.AsArray());
    }

    [Fact]
    public async Task Saving_needs_a_verified_member()
    {
        var signedOut = await app.CreateGraphQLClient().PostAsync(Save, new { input = new { name = "x" } });
        var unverifiedClient = app.CreateGraphQLClient();
        unverifiedClient.As((await RegisterAsync(unverifiedClient, displayName: "Pas vérifié")).AccessToken);
        var unverified = await unverifiedClient.PostAsync(Save, new { input = new { name = "x" } });

        Assert.Null(signedOut.Data?["saveSearch"]);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", GraphQLErrorCodes(signedOut).First());
        Assert.Null(unverified.Data?["saveSearch"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", GraphQLErrorCodes(unverified).First());
    }
}
