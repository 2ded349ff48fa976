using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;
using Troc.Graph.Common;
using Troc.Graph.Hosting;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Listings.ListingTestKit;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Catalogue;

/// <summary>`./troc catalogue reindex` reads every listing and want again, leaving owners' choices alone.</summary>
public sealed class CatalogueReindexTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string Get = """
        query($id: ID!) { listing(id: $id) { itemType { slug } itemTypeChosenByOwner itemTypeConfidence
          wants { text scope itemTypes { itemType { slug } confidence } category { slug } confidence chosenByOwner } } }
        """;

    [Fact]
    public async Task Reindex_restores_what_the_resolver_decided_and_keeps_what_owners_chose()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);
        var resolved = await CreateListingAsync(client, new()
        {
            ["title"] = "Perceuse visseuse Bosch",
            ["wants"] = Wants("un vélo de ville", "de l'outillage"),
        });
        var chosen = await CreateListingAsync(client, new()
        {
            ["title"] = "Perceuse visseuse Makita",
            ["itemTypeId"] = ItemTypeId("velo-ville"),
            ["wants"] = new object[] { new { text = "machine à café", itemTypeIds = new[] { ItemTypeId("cafetiere-filtre") } } },
        });
        var resolvedBefore = (await client.PostAsync(Get, new { id = resolved })).EnsureNoErrors().Body;
        var chosenBefore = (await client.PostAsync(Get, new { id = chosen })).EnsureNoErrors().Body;

        // Spoil what the resolver stored for these two listings, as an older catalogue would have left it.
        var keys = $"{SqlKey(resolved)}, {SqlKey(chosen)}";
        await ExecuteAsync($"""
            UPDATE listings SET item_type_id = (SELECT id FROM item_types WHERE slug = 'velo-route'), item_type_confidence = 0.1
            WHERE item_type_source = 'Resolved' AND id IN ({keys});
            DELETE FROM listing_want_item_types WHERE listing_id IN ({keys})
                AND (listing_id, want_position) IN (SELECT listing_id, position FROM listing_wants WHERE NOT chosen_by_owner);
            UPDATE listing_wants SET scope = 'Unresolved', category_id = NULL, confidence = 0 WHERE NOT chosen_by_owner AND listing_id IN ({keys});
            """);
        Assert.NotEqual(resolvedBefore, (await client.PostAsync(Get, new { id = resolved })).Body);

        var progress = new List<string>();
        var result = await Commands.ReindexCatalogueAsync(app.Services, progress.Add);

        Assert.Equal(resolvedBefore, (await client.PostAsync(Get, new { id = resolved })).EnsureNoErrors().Body);
        Assert.Equal(chosenBefore, (await client.PostAsync(Get, new { id = chosen })).EnsureNoErrors().Body);
        // Other tests of this class share the database: what this one spoiled is exactly what changed.
        Assert.Equal((1, 2), (result.ListingsChanged, result.WantsChanged));
        Assert.True(result.Listings >= 2 && result.Wants >= 3);
        Assert.Equal((0, 0), (result.ItemTypes.Added, result.ItemTypes.Updated));
        Assert.Contains(progress, line => line.StartsWith($"listings: {result.Listings} read, 1 with a new item type", StringComparison.Ordinal));

        // A second run finds nothing to change.
        var again = await Commands.ReindexCatalogueAsync(app.Services);
        Assert.Equal((0, 0), (again.ListingsChanged, again.WantsChanged));
    }

    [Fact]
    public async Task Migrate_reindexes_only_when_the_catalogue_data_changed()
    {
        var reindex = app.Services.GetRequiredService<CatalogueReindex>();

        // The migration that built this database recorded the catalogue it read listings with.
        Assert.Null(await reindex.RunIfCatalogueChangedAsync());
        await ExecuteAsync("UPDATE reference_data_versions SET version = 'sha256:older' WHERE name = 'item-catalogue'");
        Assert.NotNull(await reindex.RunIfCatalogueChangedAsync());
        Assert.Null(await reindex.RunIfCatalogueChangedAsync());
    }

    [Fact]
    public async Task An_item_type_that_left_the_catalogue_is_retired_and_its_listings_go_back_to_the_resolver()
    {
        var client = app.CreateGraphQLClient();
        await VerifiedMemberAsync(app, client);
        var id = await CreateListingAsync(client, new() { ["title"] = "Perceuse visseuse Ryobi", ["wants"] = Wants("un vélo de ville") });

        // An item type the database has but the catalogue no longer does, chosen by the owner for the listing and a want.
        await ExecuteAsync($"""
            INSERT INTO item_types (slug, label, category_id, position, retired) VALUES ('ancien-type', 'Ancien type', 901, 999, false);
            UPDATE listings SET item_type_id = (SELECT id FROM item_types WHERE slug = 'ancien-type'), item_type_source = 'Owner', item_type_confidence = 1;
            DELETE FROM listing_want_item_types;
            UPDATE listing_wants SET chosen_by_owner = true, scope = 'ItemTypes', confidence = 1;
            INSERT INTO listing_want_item_types (listing_id, want_position, rank, item_type_id, confidence)
                SELECT listing_id, position, 0, (SELECT id FROM item_types WHERE slug = 'ancien-type'), 1 FROM listing_wants;
            """);
        var stale = (await client.PostAsync("""{ itemType(slug: "ancien-type") { retired } }""")).EnsureNoErrors();
        Assert.False(stale.Data!["itemType"]!["retired"]!.GetValue<bool>());

        var result = await Commands.ReindexCatalogueAsync(app.Services);

        Assert.Equal(1, result.ItemTypes.Retired);
        var retired = (await client.PostAsync("""{ itemType(slug: "ancien-type") { retired } category(slug: "bricolage-outillage-electroportatif") { itemTypes { slug } } }""")).EnsureNoErrors();
        Assert.True(retired.Data!["itemType"]!["retired"]!.GetValue<bool>());
        Assert.DoesNotContain("ancien-type", retired.Data!["category"]!["itemTypes"]!.AsArray().Select(t => Str(t!["slug"])));
        var listing = (await client.PostAsync(Get, new { id })).EnsureNoErrors().Data!["listing"]!;
        Assert.Equal("perceuse-visseuse", Str(listing["itemType"]!["slug"]));
        Assert.False(listing["itemTypeChosenByOwner"]!.GetValue<bool>());
        Assert.Equal("velo-ville", Str(listing["wants"]![0]!["itemTypes"]![0]!["itemType"]!["slug"]));
        Assert.False(listing["wants"]![0]!["chosenByOwner"]!.GetValue<bool>());

        // A retired type can no longer be chosen.
        var refused = await client.PostAsync(Update, new { input = new { id, itemTypeId = ItemTypeId("ancien-type") } });
        Assert.Equal(["ITEM_TYPE_NOT_FOUND"], ErrorCodes(refused.EnsureNoErrors().Data!["updateListing"]));
    }

    private static string SqlKey(string listingId)
    {
        Assert.True(GlobalId.TryDecodeGuid(listingId, "Listing", out var key));
        return $"'{key}'";
    }

    private async Task ExecuteAsync(string sql)
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<TrocDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
