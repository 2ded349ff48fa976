using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Listings;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Search;

/// <summary>A database of its own, seeded once: every count below depends only on these listings.</summary>
public sealed class SuggestionsApp : SearchApp
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _seeded;

    public async Task SeededAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_seeded) return;
            for (var i = 0; i < 3; i++) await SeedAsync("Machine à café Delonghi", categoryId: 201);
            await SeedAsync("Machine à coudre Singer", categoryId: 201);
            await SeedAsync("Machette de jardin", categoryId: 101);
            await SeedAsync("Établi pliant", categoryId: 903);
            _seeded = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed class SearchSuggestionsTests(SuggestionsApp app) : IClassFixture<SuggestionsApp>
{
    private const string Suggest = """
        query($prefix: String!, $first: Int) {
          searchSuggestions(prefix: $prefix, first: $first) { text kind listingCount category { slug } }
        }
        """;

    private async Task<JsonArray> SuggestAsync(string prefix, int? first = null)
    {
        await app.SeededAsync();
        var response = await app.CreateGraphQLClient().PostAsync(Suggest, new { prefix, first });
        return response.EnsureNoErrors().Data!["searchSuggestions"]!.AsArray();
    }

    private static List<(string Text, string Kind, int Count)> Rows(JsonArray suggestions) =>
        suggestions.Select(s => (s!["text"]!.GetValue<string>(), s["kind"]!.GetValue<string>(), s["listingCount"]!.GetValue<int>())).ToList();

    [Fact]
    public async Task A_prefix_suggests_title_words_and_item_types_most_listings_first()
    {
        await app.SeededAsync();
        var response = await app.CreateGraphQLClient().PostAsync(Suggest, new { prefix = "mach" });

        var rows = Rows(response.EnsureNoErrors().Data!["searchSuggestions"]!.AsArray());
        Assert.Equal(("machine", "TITLE_WORDS", 4), rows[0]);
        Assert.Contains(("machette", "TITLE_WORDS", 1), rows);
        // The catalogue's item type, counted by what a search for it finds.
        Assert.Contains(rows, r => r.Kind == "ITEM_TYPE" && r.Text == "Machine à coudre" && r.Count == 1);
        Assert.Equal(rows.Select(r => r.Count).OrderDescending().ToList(), rows.Select(r => r.Count).ToList());
        Assert.All(rows, r => Assert.True(r.Count > 0));
        response.MatchSnapshot();
    }

    [Theory]
    [InlineData("machine à c")]
    [InlineData("MACHINE A C")]
    [InlineData("  machine   a c")]
    public async Task A_multi_word_prefix_completes_titles_whatever_the_accents_and_case(string prefix)
    {
        var rows = Rows(await SuggestAsync(prefix));

        // « machine à coudre » is also a catalogue item type: it comes once, spelt as the catalogue does.
        Assert.Equal([("machine à café", "TITLE_WORDS", 3), ("Machine à coudre", "ITEM_TYPE", 1)], rows);
    }

    [Fact]
    public async Task A_category_is_suggested_with_its_category()
    {
        var suggestions = await SuggestAsync("établ");
        var category = await SuggestAsync("bricol");

        // « établi » is both a title word and a catalogue item type: once, spelt as the catalogue does.
        Assert.Equal([("Établi", "ITEM_TYPE", 1)], Rows(suggestions).Where(r => r.Text.StartsWith("É") || r.Text.StartsWith("é")).ToList());
        var bricolage = category.Single(s => s!["kind"]!.GetValue<string>() == "CATEGORY");
        Assert.Equal("Bricolage", bricolage!["text"]!.GetValue<string>());
        Assert.Equal("bricolage", bricolage["category"]!["slug"]!.GetValue<string>());
        Assert.Equal(1, bricolage["listingCount"]!.GetValue<int>());
        Assert.All(Rows(suggestions), r => Assert.NotEqual("CATEGORY", r.Kind));
    }

    [Fact]
    public async Task First_limits_the_list()
    {
        Assert.Single(await SuggestAsync("mach", 1));
        Assert.True((await SuggestAsync("mach", 20)).Count > 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("'--")]
    [InlineData("zzzzqx")]
    public async Task Blank_wildcard_or_unknown_prefixes_suggest_nothing(string prefix)
    {
        Assert.Empty(await SuggestAsync(prefix));
    }

    [Theory]
    [InlineData("PREFIX_TOO_LONG", 101, 8)]
    [InlineData("FIRST_OUT_OF_RANGE", 4, 0)]
    [InlineData("FIRST_OUT_OF_RANGE", 4, 21)]
    [InlineData("FIRST_OUT_OF_RANGE", 4, -1)]
    public async Task Bad_arguments_are_coded_errors(string code, int prefixLength, int first)
    {
        var response = await app.CreateGraphQLClient().PostAsync(Suggest, new { prefix = new string('a', prefixLength), first });

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Data?["searchSuggestions"]);
        Assert.Equal(code, response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Title_words_count_what_the_search_for_them_finds_not_only_titles_starting_with_them()
    {
        await app.SeededAsync();
        await app.SeedAsync("Quokka en peluche");
        await app.SeedAsync("Vieux quokka en bois");

        var suggestion = Assert.Single(Rows(await SuggestAsync("quok")));
        var search = await app.CreateGraphQLClient().PostAsync("{ searchListings(query: \"quokka\") { totalCount } }");

        Assert.Equal(("quokka", "TITLE_WORDS", 2), suggestion);
        Assert.Equal(2, search.EnsureNoErrors().Data!["searchListings"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Archived_listings_are_not_counted()
    {
        await app.SeededAsync();
        var id = await app.SeedAsync("Xylographe ancien");
        Assert.Equal([("xylographe", "TITLE_WORDS", 1)], Rows(await SuggestAsync("xylo")));

        await using (var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Troc.Domain.Persistence.TrocDbContext>>().CreateDbContextAsync())
        {
            var listing = await db.Listings.FindAsync(id);
            listing!.Archive(DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await SuggestAsync("xylo"));
    }
}
