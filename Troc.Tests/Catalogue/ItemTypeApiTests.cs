using System.Text.Json.Nodes;
using Troc.Graph.Common;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Listings.ListingTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Catalogue;

/// <summary>Item types through the API: suggestions for the forms, listings' and wants' item types, the owner's corrections.</summary>
public sealed class ItemTypeApiTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string Suggest = "query($text: String!, $first: Int) { suggestItemTypes(text: $text, first: $first) { itemType { id slug label category { slug } } confidence evidence } }";

    private const string Understood = """
        id title itemType { id slug label category { slug } retired } itemTypeChosenByOwner itemTypeConfidence
        wants { text scope itemTypes { itemType { slug } confidence } category { slug } confidence chosenByOwner }
        """;

    private const string Errors = "__typename ... on Error { code message } ... on InvalidInputError { field } ... on ItemTypeNotFoundError { field }";

    private static readonly string CreateUnderstood =
        $"mutation($input: CreateListingInput!) {{ createListing(input: $input) {{ listing {{ {Understood} }} errors {{ {Errors} }} }} }}";

    private static readonly string UpdateUnderstood =
        $"mutation($input: UpdateListingInput!) {{ updateListing(input: $input) {{ listing {{ {Understood} }} errors {{ {Errors} }} }} }}";

    private static readonly string GetUnderstood = $"query($id: ID!) {{ listing(id: $id) {{ {Understood} }} }}";

    private const string WantFields = "text scope itemTypes { itemType { slug } confidence } category { slug } confidence chosenByOwner";

    private const string Preview = $"query($text: String!) {{ previewWant(text: $text) {{ {WantFields} }} }}";

    private static Func<Snapshooter.MatchOptions, Snapshooter.MatchOptions> Volatile(string root) => o => o.IgnoreField($"{root}.listing.id");

    [Fact]
    public async Task Suggestions_read_titles_as_sellers_type_them_typos_and_brands_included()
    {
        var client = app.CreateGraphQLClient();

        var city = await client.PostAsync(Suggest, new { text = "velo de ville" });
        var brand = await client.PostAsync(Suggest, new { text = "Thermomix TM5", first = 3 });
        var typo = await client.PostAsync(Suggest, new { text = "nespreso" });

        Assert.Equal("velo-ville", FirstSlug(city));
        Assert.Equal("sport-plein-air-velos", Str(city.Data!["suggestItemTypes"]![0]!["itemType"]!["category"]!["slug"]));
        Assert.Equal(GlobalId.Encode("ItemType", "velo-ville"), Str(city.Data!["suggestItemTypes"]![0]!["itemType"]!["id"]));
        Assert.Equal("robot-cuiseur", FirstSlug(brand));
        Assert.Contains("Thermomix", Evidence(brand));
        Assert.InRange(brand.Data!["suggestItemTypes"]!.AsArray().Count, 1, 3);
        Assert.Equal("machine-capsules", FirstSlug(typo));
        var confidences = city.Data!["suggestItemTypes"]!.AsArray().Select(s => s!["confidence"]!.GetValue<double>()).ToList();
        Assert.All(confidences, c => Assert.InRange(c, 0, 1));
        Assert.Equal(confidences.OrderDescending(), confidences);
        city.MatchSnapshot(name: "city");
        brand.MatchSnapshot(name: "brand");
        typo.MatchSnapshot(name: "typo");
    }

    [Fact]
    public async Task Blank_or_unknown_text_suggests_nothing_and_bad_arguments_are_coded_errors()
    {
        var client = app.CreateGraphQLClient();

        foreach (var text in new[] { "", "   ", "zzzqqq wxyw" })
        {
            var none = await client.PostAsync(Suggest, new { text });
            Assert.Empty(none.EnsureNoErrors().Data!["suggestItemTypes"]!.AsArray());
        }
        var tooLong = await client.PostAsync(Suggest, new { text = new string('v', 201) });
        var zero = await client.PostAsync(Suggest, new { text = "vélo", first = 0 });
        var tooMany = await client.PostAsync(Suggest, new { text = "vélo", first = 21 });

        Assert.Equal(["TEXT_TOO_LONG"], GraphQLErrorCodes(tooLong));
        Assert.Equal(["FIRST_OUT_OF_RANGE"], GraphQLErrorCodes(zero));
        Assert.Equal(["FIRST_OUT_OF_RANGE"], GraphQLErrorCodes(tooMany));
        Assert.Equal(200, (await client.PostAsync(Suggest, new { text = new string('v', 200) })).StatusCode);
    }

    [Fact]
    public async Task Item_types_are_found_by_slug_by_node_id_and_under_their_subcategory()
    {
        var client = app.CreateGraphQLClient();

        var bySlug = await client.PostAsync("""{ itemType(slug: "perceuse-visseuse") { id slug label retired category { slug } } missing: itemType(slug: "nope") { slug } }""");
        var id = Str(bySlug.EnsureNoErrors().Data!["itemType"]!["id"]);
        var node = await client.PostAsync("query($id: ID!) { node(id: $id) { ... on ItemType { slug } } }", new { id });
        var category = await client.PostAsync("""{ category(slug: "bricolage-outillage-electroportatif") { itemTypes { slug label } } top: category(slug: "bricolage") { itemTypes { slug } } }""");

        Assert.Equal("bricolage-outillage-electroportatif", Str(bySlug.Data!["itemType"]!["category"]!["slug"]));
        Assert.False(bySlug.Data!["itemType"]!["retired"]!.GetValue<bool>());
        Assert.Null(bySlug.Data!["missing"]);
        Assert.Equal("perceuse-visseuse", Str(node.EnsureNoErrors().Data!["node"]!["slug"]));
        var slugs = category.EnsureNoErrors().Data!["category"]!["itemTypes"]!.AsArray().Select(t => Str(t!["slug"])).ToList();
        Assert.Contains("perceuse-visseuse", slugs);
        Assert.Empty(category.Data!["top"]!["itemTypes"]!.AsArray());
        bySlug.MatchSnapshot();
    }

    [Fact]
    public async Task A_new_listing_gets_its_item_type_from_the_title_and_each_want_what_it_asks_for()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);

        var response = await client.PostAsync(CreateUnderstood, new
        {
            input = ValidInput(new()
            {
                ["title"] = "Perceuse visseuse Bosch 18V",
                ["description"] = "Avec deux batteries et la mallette.",
                ["categoryId"] = CategoryId(901),
                ["wants"] = Wants("un vélo de ville", "de l'outillage", "zzzqqq"),
            }),
        });

        var listing = response.EnsureNoErrors().Data!["createListing"]!["listing"]!;
        Assert.Equal("perceuse-visseuse", Str(listing["itemType"]!["slug"]));
        Assert.False(listing["itemTypeChosenByOwner"]!.GetValue<bool>());
        Assert.InRange(listing["itemTypeConfidence"]!.GetValue<double>(), 0.01, 1);
        var wants = listing["wants"]!.AsArray();
        Assert.Equal("ITEM_TYPES", Str(wants[0]!["scope"]));
        Assert.Equal("velo-ville", Str(wants[0]!["itemTypes"]![0]!["itemType"]!["slug"]));
        Assert.Equal("SUBCATEGORY", Str(wants[1]!["scope"]));
        Assert.Equal("bricolage-outillage-a-main", Str(wants[1]!["category"]!["slug"]));
        Assert.Empty(wants[1]!["itemTypes"]!.AsArray());
        Assert.Equal("UNRESOLVED", Str(wants[2]!["scope"]));
        Assert.Equal(0, wants[2]!["confidence"]!.GetValue<double>());
        Assert.All(wants, w => Assert.False(w!["chosenByOwner"]!.GetValue<bool>()));
        response.MatchSnapshot(Volatile("data.createListing"));
    }

    [Fact]
    public async Task Changing_the_title_reads_the_item_type_again_until_the_owner_chooses_one_which_then_sticks()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);
        var id = await CreateListingAsync(client, new() { ["title"] = "Vélo de ville Peugeot" });

        var retitled = await UpdateAsync(client, new { id, title = "Perceuse visseuse Makita" });
        Assert.Equal("perceuse-visseuse", Str(retitled["itemType"]!["slug"]));

        var chosen = await UpdateAsync(client, new { id, itemTypeId = ItemTypeId("velo-ville") });
        Assert.Equal("velo-ville", Str(chosen["itemType"]!["slug"]));
        Assert.True(chosen["itemTypeChosenByOwner"]!.GetValue<bool>());
        Assert.Equal(1, chosen["itemTypeConfidence"]!.GetValue<double>());

        var stillChosen = await UpdateAsync(client, new { id, title = "Thermomix TM5 complet", description = "Avec le livre de recettes." });
        Assert.Equal("velo-ville", Str(stillChosen["itemType"]!["slug"]));
        Assert.True(stillChosen["itemTypeChosenByOwner"]!.GetValue<bool>());

        // Omitting itemTypeId keeps the choice; an explicit null hands it back to the resolver, which reads the title now.
        var automatic = await UpdateAsync(client, new Dictionary<string, object?> { ["id"] = id, ["itemTypeId"] = null });
        Assert.Equal("robot-cuiseur", Str(automatic["itemType"]!["slug"]));
        Assert.False(automatic["itemTypeChosenByOwner"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_owner_corrects_wants_with_item_types_or_a_subcategory_and_resending_a_want_without_choice_reads_it_again()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);
        var id = await CreateListingAsync(client);

        var corrected = await client.PostAsync(UpdateUnderstood, new
        {
            input = new
            {
                id,
                wants = new object[]
                {
                    new { text = "machine à café", itemTypeIds = new[] { ItemTypeId("cafetiere-filtre"), ItemTypeId("cafetiere-filtre") } },
                    new { text = "des bouquins", categoryId = CategoryId(701) },
                    new { text = "un vélo de ville" },
                },
            },
        });

        var wants = corrected.EnsureNoErrors().Data!["updateListing"]!["listing"]!["wants"]!.AsArray();
        Assert.Empty(corrected.Data!["updateListing"]!["errors"]!.AsArray());
        Assert.Equal(["cafetiere-filtre"], wants[0]!["itemTypes"]!.AsArray().Select(t => Str(t!["itemType"]!["slug"])));
        Assert.True(wants[0]!["chosenByOwner"]!.GetValue<bool>());
        Assert.Equal(1, wants[0]!["confidence"]!.GetValue<double>());
        Assert.Equal(("SUBCATEGORY", "livres-musique-films-romans-litterature"), (Str(wants[1]!["scope"]), Str(wants[1]!["category"]!["slug"])));
        Assert.True(wants[1]!["chosenByOwner"]!.GetValue<bool>());
        Assert.False(wants[2]!["chosenByOwner"]!.GetValue<bool>());
        corrected.MatchSnapshot(Volatile("data.updateListing"));

        // Choices survive changes that do not touch the wants…
        var retitled = await UpdateAsync(client, new { id, title = "Vélo de course" });
        Assert.True(retitled["wants"]![0]!["chosenByOwner"]!.GetValue<bool>());
        // …and a want sent back without its choice is read by Troc again.
        var reread = await UpdateAsync(client, new { id, wants = Wants("machine à café") });
        Assert.False(reread["wants"]![0]!["chosenByOwner"]!.GetValue<bool>());
        Assert.NotEqual("cafetiere-filtre", Str(reread["wants"]![0]!["itemTypes"]![0]!["itemType"]!["slug"]));
    }

    public static TheoryData<string, object?, string, string> BadChoices => new()
    {
        { "itemTypeId", ItemTypeId("no-such-thing"), "itemTypeId", "ITEM_TYPE_NOT_FOUND" },
        { "itemTypeId", GlobalId.Encode("Category", 901), "itemTypeId", "ITEM_TYPE_NOT_FOUND" },
        { "itemTypeId", "garbage", "itemTypeId", "ITEM_TYPE_NOT_FOUND" },
        { "wants", new object[] { new { text = "ok" }, new { text = "vélo", itemTypeIds = new[] { ItemTypeId("velo-ville"), ItemTypeId("nope") } } }, "wants[1].itemTypeIds[1]", "ITEM_TYPE_NOT_FOUND" },
        { "wants", new object[] { new { text = "vélo", itemTypeIds = new[] { GlobalId.Encode("Listing", Guid.NewGuid().ToString("N")) } } }, "wants[0].itemTypeIds[0]", "ITEM_TYPE_NOT_FOUND" },
        { "wants", new object[] { new { text = "vélo", itemTypeIds = new[] { ItemTypeId("velo-ville"), ItemTypeId("vtt"), ItemTypeId("velo-route"), ItemTypeId("velo-enfant") } } }, "wants[0].itemTypeIds", "TOO_MANY_WANT_ITEM_TYPES" },
        { "wants", new object[] { new { text = "vélo", itemTypeIds = new[] { ItemTypeId("velo-ville") }, categoryId = CategoryId(801) } }, "wants[0]", "WANT_CHOICE_CONFLICT" },
        { "wants", new object[] { new { text = "livres", categoryId = CategoryId(7) } }, "wants[0].categoryId", "CATEGORY_NOT_LEAF" },
        { "wants", new object[] { new { text = "livres", categoryId = CategoryId(424_242) } }, "wants[0].categoryId", "CATEGORY_NOT_FOUND" },
        { "wants", Wants("a", "b", "c", "d", "e", "f"), "wants", "TOO_MANY_WANTS" },
    };

    [Theory]
    [MemberData(nameof(BadChoices))]
    public async Task Bad_choices_are_typed_errors_naming_the_field_and_change_nothing(string key, object? value, string field, string code)
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);
        var id = await CreateListingAsync(client);
        var before = await client.PostAsync(GetUnderstood, new { id });

        var created = await client.PostAsync(CreateUnderstood, new { input = ValidInput(new() { [key] = value }) });
        var updated = await client.PostAsync(UpdateUnderstood, new { input = new Dictionary<string, object?> { ["id"] = id, [key] = value } });

        foreach (var payload in new[] { created.EnsureNoErrors().Data!["createListing"]!, updated.EnsureNoErrors().Data!["updateListing"]! })
        {
            Assert.Null(payload["listing"]);
            var error = Assert.Single(payload["errors"]!.AsArray());
            Assert.Equal((field, code), (Str(error!["field"]), Str(error["code"])));
            if (code == "ITEM_TYPE_NOT_FOUND") Assert.Equal("ItemTypeNotFoundError", Str(error["__typename"]));
        }
        var after = await client.PostAsync(GetUnderstood, new { id });
        Assert.Equal(before.Body, after.Body);
        var mine = await client.PostAsync("{ me { listings { totalCount } } }");
        Assert.Equal(1, mine.EnsureNoErrors().Data!["me"]!["listings"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_item_type_slug_error_is_snapshotted_with_its_field()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);
        var id = await CreateListingAsync(client);

        var response = await client.PostAsync(UpdateUnderstood, new
        {
            input = new { id, wants = new object[] { new { text = "a" }, new { text = "b" }, new { text = "c", itemTypeIds = new[] { ItemTypeId("licorne-volante") } } } },
        });

        response.MatchSnapshot();
        var error = Assert.Single(response.EnsureNoErrors().Data!["updateListing"]!["errors"]!.AsArray());
        Assert.Equal("wants[2].itemTypeIds[0]", Str(error!["field"]));
    }

    [Fact]
    public async Task A_want_preview_names_item_types_best_first_a_whole_subcategory_for_a_broad_want_or_nothing()
    {
        var client = app.CreateGraphQLClient();

        var specific = await client.PostAsync(Preview, new { text = "une perceuse" });
        var broad = await client.PostAsync(Preview, new { text = "de l'outillage" });
        var unmatched = await client.PostAsync(Preview, new { text = "zzzqqq wxyw" });

        var drill = specific.EnsureNoErrors().Data!["previewWant"]!;
        Assert.Equal(("une perceuse", "ITEM_TYPES"), (Str(drill["text"]), Str(drill["scope"])));
        var drillTypes = drill["itemTypes"]!.AsArray();
        Assert.Equal("perceuse", Str(drillTypes[0]!["itemType"]!["slug"]));
        Assert.InRange(drillTypes.Count, 1, 3);
        var confidences = drillTypes.Select(t => t!["confidence"]!.GetValue<double>()).ToList();
        Assert.Equal(confidences.OrderDescending(), confidences);
        Assert.All(confidences, c => Assert.InRange(c, 0.01, 1));
        Assert.Equal(confidences[0], drill["confidence"]!.GetValue<double>());
        Assert.Null(drill["category"]);
        Assert.False(drill["chosenByOwner"]!.GetValue<bool>());

        var tools = broad.EnsureNoErrors().Data!["previewWant"]!;
        Assert.Equal(("SUBCATEGORY", "bricolage-outillage-a-main"), (Str(tools["scope"]), Str(tools["category"]!["slug"])));
        Assert.Empty(tools["itemTypes"]!.AsArray());
        Assert.InRange(tools["confidence"]!.GetValue<double>(), 0.01, 1);

        var nothing = unmatched.EnsureNoErrors().Data!["previewWant"]!;
        Assert.Equal("UNRESOLVED", Str(nothing["scope"]));
        Assert.Empty(nothing["itemTypes"]!.AsArray());
        Assert.Null(nothing["category"]);
        Assert.Equal(0, nothing["confidence"]!.GetValue<double>());

        specific.MatchSnapshot(name: "specific");
        broad.MatchSnapshot(name: "broad");
        unmatched.MatchSnapshot(name: "unmatched");
    }

    [Fact]
    public async Task A_want_preview_is_null_for_a_blank_text_and_a_coded_error_past_the_want_limit_never_a_crash()
    {
        var client = app.CreateGraphQLClient();

        foreach (var text in new[] { "", "   ", "\t\n " })
        {
            var blank = await client.PostAsync(Preview, new { text });
            Assert.Null(blank.EnsureNoErrors().Data!["previewWant"]);
        }
        var tooLong = await client.PostAsync(Preview, new { text = new string('v', 81) });
        Assert.Equal(["TEXT_TOO_LONG"], GraphQLErrorCodes(tooLong));
        Assert.Contains("80", Str(tooLong.Errors![0]!["message"]));
        Assert.Null(tooLong.Data?["previewWant"]);
        tooLong.MatchSnapshot();

        // The limit applies to the want as it would be stored: trimmed, like createListing's WANT_TOO_LONG.
        var atLimit = await client.PostAsync(Preview, new { text = new string('v', 80) });
        Assert.NotNull(atLimit.EnsureNoErrors().Data!["previewWant"]);
        var padded = await client.PostAsync(Preview, new { text = new string(' ', 100) + "un vélo de ville" + new string(' ', 100) });
        Assert.Equal("un vélo de ville", Str(padded.EnsureNoErrors().Data!["previewWant"]!["text"]));

        // Just under the 1 MB request limit the text reaches the field and is refused there; ten megabytes are refused by
        // the request-size limit first, with its own code. Neither is a 500.
        var large = await client.PostAsync(Preview, new { text = new string('v', 900_000) });
        Assert.Equal(["TEXT_TOO_LONG"], GraphQLErrorCodes(large));
        var huge = await client.PostAsync(Preview, new { text = new string('v', 10 * 1024 * 1024) });
        Assert.Equal(413, huge.StatusCode);
        Assert.Equal(["PAYLOAD_TOO_LARGE"], GraphQLErrorCodes(huge));
    }

    [Theory]
    [InlineData("un vélo de ville")]
    [InlineData("une perceuse")]
    [InlineData("de l'outillage")]
    [InlineData("des bottes")]
    [InlineData("une enceinte")]
    [InlineData("  Vélo ou VTT  ")]
    [InlineData("zzzqqq")]
    public async Task A_want_preview_is_what_createListing_then_stores_for_the_same_text(string text)
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);

        var preview = await client.PostAsync(Preview, new { text });
        var created = await client.PostAsync(CreateUnderstood, new { input = ValidInput(new() { ["wants"] = Wants(text) }) });

        var previewed = preview.EnsureNoErrors().Data!["previewWant"]!;
        var stored = Assert.Single(created.EnsureNoErrors().Data!["createListing"]!["listing"]!["wants"]!.AsArray())!;
        Assert.Equal(Str(stored["scope"]), Str(previewed["scope"]));
        Assert.Equal(Slugs(stored), Slugs(previewed));
        Assert.Equal(Confidences(stored), Confidences(previewed));
        Assert.Equal(stored["category"]?["slug"]?.GetValue<string>(), previewed["category"]?["slug"]?.GetValue<string>());
        Assert.Equal(stored["confidence"]!.GetValue<double>(), previewed["confidence"]!.GetValue<double>());
        // Field by field above, so that a failure says which; and as a whole, so that nothing else differs either.
        Assert.Equal(stored.ToJsonString(), previewed.ToJsonString());

        static string[] Slugs(JsonNode want) => want["itemTypes"]!.AsArray().Select(t => Str(t!["itemType"]!["slug"])).ToArray();
        static double[] Confidences(JsonNode want) => want["itemTypes"]!.AsArray().Select(t => t!["confidence"]!.GetValue<double>()).ToArray();
    }

    private async Task<JsonNode> UpdateAsync(GraphQLClient client, object input)
    {
        var response = await client.PostAsync(UpdateUnderstood, new { input });
        var payload = response.EnsureNoErrors().Data!["updateListing"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["listing"]!;
    }

    private static string FirstSlug(GraphQLResponse response) =>
        Str(response.EnsureNoErrors().Data!["suggestItemTypes"]![0]!["itemType"]!["slug"]);

    private static IReadOnlyList<string> Evidence(GraphQLResponse response) =>
        response.Data!["suggestItemTypes"]![0]!["evidence"]!.AsArray().Select(e => Str(e)).ToList();
}
