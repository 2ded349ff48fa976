using Troc.Domain.Catalogue;

namespace Troc.Tests.Catalogue;

public sealed class ItemTypeResolverTests
{
    private static readonly ItemTypeResolver Resolver = ItemTypeResolver.Default;

    private static string? Top(string title) => Resolver.ResolveListing(title).FirstOrDefault()?.ItemType.Slug;

    private static string? Want(string want)
    {
        var resolution = Resolver.ResolveWant(want);
        return resolution.Scope switch
        {
            WantScope.Subcategory => resolution.Subcategory!.Subcategory.Slug,
            WantScope.ItemTypes => resolution.ItemTypes[0].ItemType.Slug,
            _ => null,
        };
    }

    [Theory]
    [InlineData("Vends perceuse Bosch 18V peu servi", "perceuse")]
    [InlineData("Canapé d'angle convertible gris", "canape-convertible")]
    [InlineData("Table basse relevable", "table-basse")]
    [InlineData("Lave-vaisselle Bosch 60 cm", "lave-vaisselle")]
    [InlineData("lavevaisselle bosch", "lave-vaisselle")]
    public void Titles_resolve_to_their_item_type_and_the_longest_phrase_wins(string title, string expected) =>
        Assert.Equal(expected, Top(title));

    [Theory]
    [InlineData("VÉLO ÉLECTRIQUE", "velo-electrique")]
    [InlineData("velo electrique", "velo-electrique")]
    [InlineData("Vélo électrique", "velo-electrique")]
    [InlineData("poussettes", "poussette")]
    [InlineData("une poussette", "poussette")]
    [InlineData("vélos enfant", "velo-enfant")]
    [InlineData("vélo enfants", "velo-enfant")]
    public void Accents_case_and_plurals_do_not_matter(string text, string expected) =>
        Assert.Equal(expected, Top(text));

    [Fact]
    public void Misspelt_words_of_five_letters_or_more_are_corrected_and_say_so()
    {
        var match = Resolver.ResolveListing("aspirateru robot").First();
        Assert.Equal("aspirateur-robot", match.ItemType.Slug);
        Assert.Contains(match.Evidence, e => e.Corrected);

        Assert.Equal("tronconneuse", Top("tronçonneuze stihl"));   // one edit
        Assert.Equal("debroussailleuse", Top("débrousaileuze"));   // two edits on a long word
    }

    [Fact]
    public void Short_words_and_everyday_words_are_never_corrected()
    {
        Assert.Empty(Resolver.ResolveListing("lut"));            // a letter from « lit », but too short to guess
        Assert.Empty(Resolver.ResolveListing("cherche"));        // not « crèche »
    }

    [Theory]
    [InlineData("Thermomix TM6", "robot-cuiseur")]
    [InlineData("un cookeo", "multicuiseur")]
    [InlineData("nespreso", "machine-capsules")]
    [InlineData("Kindle Paperwhite", "liseuse")]
    [InlineData("Dyson V11 Absolute", "aspirateur-balai")]
    [InlineData("Dyson Supersonic", "seche-cheveux")]
    public void Brands_and_product_lines_name_the_thing(string text, string expected) =>
        Assert.Equal(expected, Top(text));

    [Fact]
    public void A_maker_of_many_things_is_only_a_cue()
    {
        var matches = Resolver.ResolveListing("Bosch", null, 10);
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.True(m.Confidence < 0.3, $"{m.ItemType.Slug} {m.Confidence}"));
        Assert.All(matches, m => Assert.All(m.Evidence, e => Assert.Equal(VocabularyKind.Cue, e.Kind)));
    }

    [Theory]
    [InlineData("je cherche un truc pour faire des gaufres", "gaufrier")]
    [InlineData("quelque chose pour ramer en appartement", "rameur")]
    [InlineData("un appareil pour faire des yaourts", "yaourtiere")]
    public void Function_phrases_name_the_thing_they_describe(string want, string expected)
    {
        var resolution = Resolver.ResolveWant(want);
        Assert.Equal(WantScope.ItemTypes, resolution.Scope);
        Assert.Equal(expected, resolution.ItemTypes[0].ItemType.Slug);
        Assert.Contains(resolution.ItemTypes[0].Evidence, e => e.Kind == VocabularyKind.Function);
    }

    [Theory]
    [InlineData("une raboteuse", "raboteuse", new[] { "meuleuse", "perforateur", "rabot-electrique" })]
    [InlineData("Perceuse visseuse Makita 18V", "perceuse-visseuse", new[] { "perceuse", "visseuse" })]
    [InlineData("Meuleuse d'angle Bosch 125", "meuleuse", new[] { "perforateur", "ponceuse" })]
    [InlineData("Poussette canne Maclaren", "poussette-canne", new[] { "poussette" })]
    public void A_phrase_naming_a_near_miss_does_not_resolve_to_the_type(string text, string expected, string[] nearMisses)
    {
        var matches = Resolver.ResolveListing(text, null, 10);
        Assert.Equal(expected, matches[0].ItemType.Slug);
        foreach (var miss in nearMisses)
        {
            var other = matches.FirstOrDefault(m => m.ItemType.Slug == miss);
            Assert.True(other is null || other.Confidence < 0.2, $"{miss} kept confidence {other?.Confidence}");
        }
    }

    [Theory]
    [InlineData("Coque pour iPhone 12", "coque-telephone")]
    [InlineData("PS4 slim avec 2 manettes", "console-playstation")]
    [InlineData("Sacoche pour vélo", "sacoche-velo")]
    public void What_follows_pour_de_avec_is_a_complement_of_the_thing(string title, string expected) =>
        Assert.Equal(expected, Top(title));

    [Theory]
    [InlineData("de l'outillage", "bricolage-outillage-a-main")]
    [InlineData("des livres", "livres-musique-films-romans-litterature")]
    [InlineData("des jouets pour bébé", "enfants-bebe-jouets-eveil")]
    [InlineData("du matériel de camping", "sport-plein-air-camping-randonnee")]
    public void A_broad_want_asks_for_a_whole_subcategory(string want, string subcategory)
    {
        var resolution = Resolver.ResolveWant(want);
        Assert.Equal(WantScope.Subcategory, resolution.Scope);
        Assert.Equal(subcategory, resolution.Subcategory!.Subcategory.Slug);
        Assert.InRange(resolution.Subcategory.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("des livres de cuisine", "livre-de-cuisine")]
    [InlineData("une bécane pour aller au boulot", "velo-ville")]
    [InlineData("des godasses de rando 42", "chaussures-randonnee")]
    public void A_precise_want_names_item_types(string want, string expected) =>
        Assert.Equal(expected, Want(want));

    [Fact]
    public void A_want_naming_a_kind_of_bike_is_not_broad()
    {
        var resolution = Resolver.ResolveWant("un VTT 26 pouces");
        Assert.Equal(WantScope.ItemTypes, resolution.Scope);
        Assert.Equal("vtt", resolution.ItemTypes[0].ItemType.Slug);
    }

    [Fact]
    public void A_named_type_stays_confident_when_its_maker_hints_at_many_others()
    {
        var match = Resolver.ResolveListing("Vends machine à laver Samsung 7kg")[0];
        Assert.Equal("lave-linge", match.ItemType.Slug);
        Assert.True(match.Confidence >= 0.6, $"confidence {match.Confidence}");
    }

    [Fact]
    public void Evidence_quotes_the_words_as_written()
    {
        var match = Resolver.ResolveListing("Vends Perçeuse-Visseuse Bosch").First();
        Assert.Equal("perceuse-visseuse", match.ItemType.Slug);
        var evidence = match.Evidence[0];
        Assert.Equal("Perçeuse-Visseuse", evidence.Text);
        Assert.Equal(6, evidence.Start);
        Assert.Equal(VocabularyKind.Name, evidence.Kind);
    }

    [Fact]
    public void The_title_decides_and_the_description_only_supports()
    {
        var matches = Resolver.ResolveListing("Poussette Yoyo", "Vendue avec sa housse de pluie, un sac à langer et une ombrelle.");
        Assert.Equal("poussette", matches[0].ItemType.Slug);
        Assert.Contains(matches[0].Evidence, e => !e.FromDescription);

        var fromDescriptionOnly = Resolver.ResolveListing("À donner", "Petite table de chevet en pin");
        Assert.Equal("table-de-chevet", fromDescriptionOnly[0].ItemType.Slug);
        Assert.All(fromDescriptionOnly[0].Evidence, e => Assert.True(e.FromDescription));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bonjour, merci")]
    public void Texts_naming_nothing_resolve_to_nothing(string? text)
    {
        Assert.Empty(Resolver.Suggest(text));
        Assert.Equal(WantScope.Unresolved, Resolver.ResolveWant(text).Scope);
    }

    [Fact]
    public void Confidences_are_between_0_and_1_best_first()
    {
        var matches = Resolver.Suggest("jean", 5);
        Assert.True(matches.Count >= 2);
        Assert.All(matches, m => Assert.InRange(m.Confidence, 0.0, 1.0));
        Assert.Equal(matches.OrderByDescending(m => m.Confidence).Select(m => m.ItemType.Slug), matches.Select(m => m.ItemType.Slug));
        Assert.Equal(1.0, Resolver.Suggest("tronçonneuse")[0].Confidence);
    }

    [Fact]
    public async Task A_rescue_proposes_types_for_unmatched_phrases_with_a_low_confidence()
    {
        var rescue = new FakeRescue([new RescueCandidate("velo-ville", 0.9)]);
        var resolver = new ItemTypeResolver(ItemCatalogue.Default, rescue);

        var resolution = await resolver.ResolveWantAsync("un zinzin pour flâner le dimanche");
        Assert.Equal(WantScope.ItemTypes, resolution.Scope);
        var rescued = Assert.Single(resolution.ItemTypes);
        Assert.Equal("velo-ville", rescued.ItemType.Slug);
        Assert.True(rescued.Confidence <= 0.3);
        Assert.Equal(VocabularyKind.Embedding, rescued.Evidence[0].Kind);
        Assert.Equal("un zinzin pour flaner le dimanche", rescue.LastFoldedText);
    }

    [Fact]
    public async Task A_rescue_never_overrides_a_clear_vocabulary_match()
    {
        var rescue = new FakeRescue([new RescueCandidate("velo-ville", 1.0)]);
        var resolver = new ItemTypeResolver(ItemCatalogue.Default, rescue);

        var matches = await resolver.SuggestAsync("tronçonneuse Stihl");
        Assert.Equal("tronconneuse", matches[0].ItemType.Slug);
        Assert.Null(rescue.LastFoldedText);
    }

    private sealed class FakeRescue(IReadOnlyList<RescueCandidate> answer) : IItemTypeRescue
    {
        public string? LastFoldedText { get; private set; }

        public ValueTask<IReadOnlyList<RescueCandidate>> RescueAsync(string foldedText, IReadOnlyList<ItemTypeMatch> candidates, CancellationToken cancellationToken)
        {
            LastFoldedText = foldedText;
            return ValueTask.FromResult(answer);
        }
    }
}
