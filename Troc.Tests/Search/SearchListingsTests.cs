using System.Text.Json.Nodes;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Graph.Common;
using Troc.Tests.Infrastructure;
using Troc.Tests.Listings;
using static Troc.Tests.Search.SearchTestKit;

namespace Troc.Tests.Search;

public sealed class SearchListingsTests(SearchApp app) : IClassFixture<SearchApp>
{
    private GraphQLClient Client() => app.CreateGraphQLClient();

    [Fact]
    public async Task An_exact_title_match_ranks_first()
    {
        var longer = await app.SeedAsync("Vélo de ville électrique avec panier et porte-bagages", description: "Un vélo de ville, un vrai.");
        var exact = await app.SeedAsync("Vélo de ville");
        var described = await app.SeedAsync("Biclou hollandais", description: "Parfait comme vélo de ville pour le marché.");

        var result = await SearchAsync(Client(), new { query = "vélo de ville" });

        var ids = Ids(result);
        Assert.Equal(ListingId(exact), ids[0]);
        Assert.Contains(ListingId(longer), ids);
        Assert.Contains(ListingId(described), ids);
        // Title (A) outweighs description (B).
        Assert.True(ids.IndexOf(ListingId(longer)) < ids.IndexOf(ListingId(described)));
    }

    [Theory]
    [InlineData("velo")]
    [InlineData("VÉLO")]
    [InlineData("vélos")]
    [InlineData("velos")]
    public async Task Accents_case_and_plurals_do_not_matter(string query)
    {
        var id = await app.SeedAsync("Vélo pliant Brompton", categoryId: 802);

        var result = await SearchAsync(Client(), new { query, first = 50 });

        Assert.Contains(ListingId(id), Ids(result));
    }

    [Fact]
    public async Task A_plural_title_is_found_by_a_singular_query()
    {
        var id = await app.SeedAsync("Lot de casseroles en cuivre", categoryId: 102);

        var result = await SearchAsync(Client(), new { query = "casserole cuivré" });

        Assert.Equal([ListingId(id)], Ids(result));
    }

    [Theory]
    [InlineData("bycyclette", "Bicyclette ancienne Motobécane")]
    [InlineData("machin a cafe", "Machine à café Delonghi")]
    [InlineData("cafetiere italiene", "Cafetière italienne Bialetti")]
    public async Task Typos_and_near_spellings_match(string query, string title)
    {
        var id = await app.SeedAsync(title);

        var result = await SearchAsync(Client(), new { query, first = 50 });

        Assert.Contains(ListingId(id), Ids(result));
    }

    [Fact]
    public async Task Category_labels_are_searched_and_websearch_operators_work()
    {
        // 601 is « Instruments de musique »: the listing is found by its category, though neither its title nor its description says so.
        var cello = await app.SeedAsync("Violoncelle 4/4 d'étude", categoryId: 601);
        var viola = await app.SeedAsync("Violoncelle électrique silencieux", categoryId: 601);

        Assert.Contains(ListingId(cello), Ids(await SearchAsync(Client(), new { query = "instrument musique", first = 50 })));
        var excluded = Ids(await SearchAsync(Client(), new { query = "violoncelle -électrique" }));
        Assert.Equal([ListingId(cello)], excluded);
        var phrase = Ids(await SearchAsync(Client(), new { query = "\"violoncelle électrique\"" }));
        Assert.Equal([ListingId(viola)], phrase);
    }

    [Fact]
    public async Task A_10_km_radius_holds_a_listing_9_9_km_away_and_not_one_10_1_km_away()
    {
        var centre = new GeoPoint(45.2, 5.7);
        var inside = await app.SeedAsync("Tondeuse rayon dedans", ExactPointBlurredAt(centre, 9.86, 9.94));
        var outside = await app.SeedAsync("Tondeuse rayon dehors", ExactPointBlurredAt(centre, 10.06, 10.14));

        var result = await SearchAsync(Client(), new
        {
            query = "tondeuse rayon",
            near = new { latitude = centre.Latitude, longitude = centre.Longitude, radiusKm = 10.0 },
        });
        var wider = await SearchAsync(Client(), new
        {
            query = "tondeuse rayon",
            near = new { latitude = centre.Latitude, longitude = centre.Longitude, radiusKm = 10.5 },
        });

        Assert.Equal([ListingId(inside)], Ids(result));
        Assert.Equal(9.9, result["edges"]![0]!["distanceKm"]!.GetValue<double>(), 0.11);
        Assert.Equal(1, result["totalCount"]!.GetValue<int>());
        Assert.Equal(2, wider["totalCount"]!.GetValue<int>());
        Assert.Contains(ListingId(outside), Ids(wider));
    }

    [Fact]
    public async Task Distance_order_is_nearest_first_with_rounded_distances_never_under_a_kilometre()
    {
        var centre = new GeoPoint(47.2, -1.55);
        var far = await app.SeedAsync("Établi lointain", new GeoPoint(47.2 + 0.2, -1.55), categoryId: 903);
        var near = await app.SeedAsync("Établi voisin", new GeoPoint(47.2 + 0.001, -1.55), categoryId: 903);
        var middle = await app.SeedAsync("Établi du milieu", new GeoPoint(47.2 + 0.05, -1.55), categoryId: 903);

        var response = await Client().PostAsync(SearchTestKit.Search, new
        {
            where = new { categoryIds = new[] { ListingTestKit.CategoryId(903) } },
            near = new { latitude = centre.Latitude, longitude = centre.Longitude, radiusKm = 50.0 },
            order = "DISTANCE",
        });
        var result = response.EnsureNoErrors().Data!["searchListings"]!;

        Assert.Equal([ListingId(near), ListingId(middle), ListingId(far)], Ids(result));
        var distances = result["edges"]!.AsArray().Select(e => e!["distanceKm"]!.GetValue<double>()).ToList();
        Assert.Equal(1.0, distances[0]);
        Assert.All(distances, d => Assert.Equal(Math.Round(d, 1), d));
        Assert.Equal(distances.Order().ToList(), distances);
        response.MatchSnapshot(o => o.IgnoreFields("**.id").IgnoreFields("**.cursor").IgnoreFields("**.endCursor"));
    }

    [Fact]
    public async Task A_parent_category_includes_its_subcategories_and_facets_add_up_to_the_total()
    {
        var bike = await app.SeedAsync("Tandem de randonnée", categoryId: 801, condition: ItemCondition.Good);
        var ball = await app.SeedAsync("Tandem ballon de volley", categoryId: 804, condition: ItemCondition.New);
        var sofa = await app.SeedAsync("Tandem canapé deux places", categoryId: 101, condition: ItemCondition.Good);

        var sport = await SearchAsync(Client(), new { query = "tandem", where = new { categoryIds = new[] { ListingTestKit.CategoryId(8) } } });
        var bikesOnly = await SearchAsync(Client(), new { query = "tandem", where = new { categoryIds = new[] { ListingTestKit.CategoryId(801) } } });
        var all = await SearchAsync(Client(), new { query = "tandem" });
        var newOnly = await SearchAsync(Client(), new { query = "tandem", where = new { conditions = new[] { "NEW" } } });

        Assert.Equal(new[] { ListingId(bike), ListingId(ball) }.Order(), Ids(sport).Order());
        Assert.Equal([ListingId(bike)], Ids(bikesOnly));
        Assert.Equal([ListingId(ball)], Ids(newOnly));
        Assert.Contains(ListingId(sofa), Ids(all));
        foreach (var connection in new[] { sport, bikesOnly, all, newOnly })
        {
            var total = connection["totalCount"]!.GetValue<int>();
            Assert.Equal(total, connection["facets"]!["categories"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()));
            Assert.Equal(total, connection["facets"]!["conditions"]!.AsArray().Sum(c => c!["count"]!.GetValue<int>()));
        }
        Assert.Equal(3, all["totalCount"]!.GetValue<int>());
        var conditions = all["facets"]!["conditions"]!.AsArray().ToDictionary(c => c!["condition"]!.GetValue<string>(), c => c!["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["GOOD"] = 2, ["NEW"] = 1 }, conditions);
    }

    [Theory]
    [InlineData("NEWEST", "kumquat")]
    [InlineData("RELEVANCE", "pangolin")]
    [InlineData("DISTANCE", "ornithorynque")]
    public async Task Pages_have_no_duplicates_or_holes_while_listings_are_inserted(string order, string word)
    {
        var centre = new GeoPoint(48.58, 7.75);
        var start = DateTime.UtcNow.AddHours(-1);
        var original = new List<Guid>();
        for (var i = 0; i < 7; i++)
            original.Add(await app.SeedAsync($"{char.ToUpperInvariant(word[0])}{word[1..]} numéro {i}",
                new GeoPoint(centre.Latitude + 0.01 * (i % 4), centre.Longitude), createdAt: start.AddMinutes(i % 3)));
        var near = new { latitude = centre.Latitude, longitude = centre.Longitude, radiusKm = 20.0 };

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync(Client(), new { query = word, near, order, first = 3, after });
            seen.AddRange(Ids(page));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            // Newcomers between pages: newer, nearer, better matching ones than anything seen so far.
            await app.SeedAsync(word, new GeoPoint(centre.Latitude, centre.Longitude + 0.0001 * pages));
            pages++;
        }
        while (after is not null && pages < 10);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(original, id => Assert.Contains(ListingId(id), seen));
    }

    [Fact]
    public async Task Archived_listings_never_appear_and_exclude_mine_leaves_out_my_own()
    {
        var client = Client();
        await ListingTestKit.VerifiedMemberAsync(app, client, "Sacha");
        var kept = await ListingTestKit.CreateListingAsync(client, new() { ["title"] = "Gramophone à pavillon" });
        var archived = await ListingTestKit.CreateListingAsync(client, new() { ["title"] = "Gramophone à manivelle" });
        var archive = await client.PostAsync(ListingTestKit.Archive, new { input = new { id = archived } });
        Assert.Empty(archive.EnsureNoErrors().Data!["archiveListing"]!["errors"]!.AsArray());

        var result = await SearchAsync(client, new { query = "gramophone" });
        var notMine = await SearchAsync(client, new { query = "gramophone", where = new { excludeMine = true } });

        Assert.Equal([kept], Ids(result));
        Assert.Equal(1, result["totalCount"]!.GetValue<int>());
        Assert.Empty(Ids(notMine));
    }

    [Fact]
    public async Task Near_a_place_uses_its_centre()
    {
        // Montpellier (34172): the seeded default point is in town.
        var id = await app.SeedAsync("Accordéon diatonique", new GeoPoint(43.6108, 3.8767));

        var result = await SearchAsync(Client(), new { query = "accordéon", near = new { placeId = GlobalId.Encode("Place", "34172"), radiusKm = 5.0 } });

        Assert.Equal([ListingId(id)], Ids(result));
        Assert.InRange(result["edges"]![0]!["distanceKm"]!.GetValue<double>(), 1.0, 2.0);
    }

    [Fact]
    public async Task The_document_follows_title_changes_and_posted_after_filters_by_publication_time()
    {
        var client = Client();
        await ListingTestKit.VerifiedMemberAsync(app, client, "Lou");
        var id = await ListingTestKit.CreateListingAsync(client, new() { ["title"] = "Métronome mécanique" });
        var older = await app.SeedAsync("Métronome ancien", createdAt: DateTime.UtcNow.AddDays(-10));
        var update = await client.PostAsync(ListingTestKit.Update, new { input = new { id, title = "Diapason de luthier" } });
        Assert.Empty(update.EnsureNoErrors().Data!["updateListing"]!["errors"]!.AsArray());

        Assert.Equal([ListingId(older)], Ids(await SearchAsync(client, new { query = "métronome" })));
        Assert.Equal([id], Ids(await SearchAsync(client, new { query = "diapason" })));
        var recent = await SearchAsync(client, new { query = "métronome diapason or ancien", where = new { postedAfter = DateTime.UtcNow.AddDays(-1) } });
        Assert.DoesNotContain(ListingId(older), Ids(recent));
    }

    [Theory]
    [InlineData("le")]
    [InlineData("&&& | !")]
    [InlineData("((( '")]
    [InlineData("\\ : * -")]
    [InlineData("\"")]
    [InlineData("   ")]
    [InlineData("or or -or")]
    public async Task Odd_queries_never_fail(string query)
    {
        var response = await Client().PostAsync(SearchTestKit.Search, new { query });

        response.EnsureNoErrors();
    }

    [Fact]
    public async Task Backward_paging_is_not_offered()
    {
        var response = await Client().PostAsync("{ searchListings(last: 2) { totalCount } }");

        Assert.NotEqual(500, response.StatusCode);
        Assert.NotNull(response.Errors);
        Assert.Contains("last", response.Errors![0]!["message"]!.GetValue<string>());
    }

    public static TheoryData<string, object> Errors() => new()
    {
        { "INVALID_RADIUS", new { near = new { latitude = 45.0, longitude = 5.0, radiusKm = -1.0 } } },
        { "INVALID_RADIUS", new { near = new { latitude = 45.0, longitude = 5.0, radiusKm = 0.0 } } },
        { "INVALID_RADIUS", new { near = new { latitude = 45.0, longitude = 5.0, radiusKm = 500.5 } } },
        { "INVALID_COORDINATES", new { near = new { latitude = 91.0, longitude = 5.0, radiusKm = 10.0 } } },
        { "INVALID_COORDINATES", new { near = new { radiusKm = 10.0 } } },
        { "PLACE_NOT_FOUND", new { near = new { placeId = GlobalId.Encode("Place", "99999"), radiusKm = 10.0 } } },
        { "PLACE_NOT_FOUND", new { near = new { placeId = "nonsense", radiusKm = 10.0 } } },
        { "CATEGORY_NOT_FOUND", new { where = new { categoryIds = new[] { ListingTestKit.CategoryId(999_999) } } } },
        { "QUERY_TOO_LONG", new { query = new string('a', 10_000) } },
        { "NEAR_REQUIRED", new { order = "DISTANCE" } },
        { "PAGINATION_INVALID", new { first = 51 } },
        { "PAGINATION_INVALID", new { after = "bm90IGEgY3Vyc29y" } },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Bad_arguments_are_coded_errors_never_a_500(string code, object variables)
    {
        var response = await Client().PostAsync(SearchTestKit.Search, variables);

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Data?["searchListings"]);
        Assert.Equal(code, response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_10000_character_query_is_a_coded_error()
    {
        var response = await Client().PostAsync(SearchTestKit.Search, new { query = new string('é', 10_000) });

        response.MatchSnapshot();
    }

    [Fact]
    public async Task A_cursor_of_another_order_is_rejected()
    {
        await app.SeedAsync("Harmonica chromatique");
        await app.SeedAsync("Harmonica diatonique");
        var page = await SearchAsync(Client(), new { query = "harmonica", order = "NEWEST", first = 1 });

        var response = await Client().PostAsync(SearchTestKit.Search, new { query = "harmonica", order = "RELEVANCE", after = page["pageInfo"]!["endCursor"]!.GetValue<string>() });

        Assert.Equal("PAGINATION_INVALID", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}

public sealed class SearchTuningTests(SearchApp app) : IClassFixture<SearchApp>
{
    [Fact]
    public async Task Near_spellings_are_searched_only_when_exact_matches_are_few()
    {
        var town = new GeoPoint(44.84, -0.58);
        var village = new GeoPoint(45.9, 1.3);
        var typo = await app.SeedAsync("Gyroppode Segway", village);
        var nearTypo = await app.SeedAsync("Gyropode tout-terrain", village);
        for (var i = 0; i < Troc.Domain.Search.ListingSearch.TypoFallbackBelow; i++)
            await app.SeedAsync($"Gyropode {i}", town);

        // Enough exact matches: the typo'd title is not added to them.
        var everywhere = await SearchAsync(app.CreateGraphQLClient(), new { query = "gyropode", first = 50 });
        // Around the village, exact matching finds one: near spellings count too, in the page and in totalCount.
        var aroundVillage = await SearchAsync(app.CreateGraphQLClient(), new
        {
            query = "gyropode",
            near = new { latitude = village.Latitude, longitude = village.Longitude, radiusKm = 5.0 },
        });

        Assert.Equal(Troc.Domain.Search.ListingSearch.TypoFallbackBelow + 1, everywhere["totalCount"]!.GetValue<int>());
        Assert.DoesNotContain(ListingId(typo), Ids(everywhere));
        Assert.Equal(new[] { ListingId(nearTypo), ListingId(typo) }.Order(), Ids(aroundVillage).Order());
        Assert.Equal(2, aroundVillage["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Distance_pages_split_a_cell_shared_by_many_listings_without_holes_or_duplicates()
    {
        var centre = new GeoPoint(43.3, 5.4);
        var sameCell = new List<Guid>();
        for (var i = 0; i < 9; i++)
            sameCell.Add(await app.SeedAsync($"Palmier en pot {i}", new GeoPoint(centre.Latitude + 0.03, centre.Longitude)));
        var nearer = await app.SeedAsync("Palmier nain", new GeoPoint(centre.Latitude + 0.01, centre.Longitude));
        var farther = await app.SeedAsync("Palmier dattier", new GeoPoint(centre.Latitude + 0.08, centre.Longitude));
        var near = new { latitude = centre.Latitude, longitude = centre.Longitude, radiusKm = 20.0 };

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await SearchAsync(app.CreateGraphQLClient(), new { query = "palmier", near, order = "DISTANCE", first = 4, after });
            seen.AddRange(Ids(page));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        // Nearest first, then the nine of the shared cell in id order (PostgreSQL orders uuids as their hex text), then the farthest: 11 ids, each once.
        var expected = new[] { ListingId(nearer) }
            .Concat(sameCell.OrderBy(id => id.ToString("N"), StringComparer.Ordinal).Select(ListingId))
            .Append(ListingId(farther))
            .ToList();
        Assert.Equal(expected, seen);
    }
}
