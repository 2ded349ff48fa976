using System.Globalization;
using System.Text;
using Troc.Domain.Catalogue.Analysis;

namespace Troc.Tests.Catalogue;

public sealed class FrenchAnalysisTests
{
    [Fact]
    public void Folding_strips_accents_case_and_ligatures_even_though_Normalize_FormD_does_nothing_in_this_process()
    {
        // The trap is real here: the project runs with InvariantGlobalization=true, and in that mode
        // Normalize(FormD) returns the string unchanged, so "decompose then drop marks" would fold nothing.
        Assert.True(CultureInfo.CurrentCulture.Name.Length == 0, "tests run with invariant globalization, as the project does");
        Assert.Equal("é", "é".Normalize(NormalizationForm.FormD));
        Assert.Equal(1, "é".Normalize(NormalizationForm.FormD).Length);

        Assert.Equal("telescope ecran coeur", FrenchFolding.Fold("Télescope ÉCRAN cœur"));
    }

    [Theory]
    [InlineData("Crêpière Électrique", "crepiere electrique")]
    [InlineData("ŒUF Æther ß", "oeuf aether ss")]
    [InlineData("garçon façade", "garcon facade")]
    [InlineData("Noël naïf où", "noel naif ou")]
    [InlineData("l\u2019aspirateur", "l'aspirateur")]
    [InlineData("e\u0301te\u0301", "ete")]
    [InlineData("clic\u2013clac", "clic-clac")]
    public void Folding_covers_French_letters_typographic_apostrophes_and_combining_accents(string text, string folded) =>
        Assert.Equal(folded, FrenchFolding.Fold(text));

    [Theory]
    [InlineData("l'aspirateur", "aspirateur")]
    [InlineData("L’Aspirateur", "aspirateur")]
    [InlineData("d'occasion", "occasion")]
    [InlineData("qu'une poussette", "une poussette")]
    [InlineData("jusqu'au bout", "au bout")]
    public void Elided_articles_disappear(string text, string words) =>
        Assert.Equal(words, string.Join(' ', FrenchAnalyzer.Analyze(text).Select(t => t.Folded)));

    [Theory]
    [InlineData("vélos", "vélo")]
    [InlineData("chevaux", "cheval")]
    [InlineData("jeux", "jeu")]
    [InlineData("bijoux", "bijou")]
    [InlineData("manteaux", "manteau")]
    [InlineData("tuyaux", "tuyau")]
    [InlineData("gaufrières", "gaufrier")]
    [InlineData("poupées", "poupée")]
    [InlineData("trotinette", "trottinettes")]
    [InlineData("nespreso", "Nespresso")]
    public void Plurals_feminines_and_doubled_letters_share_one_key(string a, string b) =>
        Assert.Equal(Key(b), Key(a));

    [Theory]
    [InlineData("table", "tablette")]
    [InlineData("sac", "sacoche")]
    [InlineData("pot", "poteau")]
    [InlineData("fille", "fil")]
    [InlineData("grille", "gril")]
    public void Light_stemming_keeps_different_things_apart(string a, string b) =>
        Assert.NotEqual(Key(a), Key(b));

    [Fact]
    public void Letters_and_digits_split_so_that_PS4_and_PS_4_read_alike()
    {
        Assert.Equal(["ps", "4"], FrenchAnalyzer.ContentKeys("PS4"));
        Assert.Equal(["ps", "4"], FrenchAnalyzer.ContentKeys("ps 4"));
    }

    [Fact]
    public void A_letter_glued_to_digits_is_a_model_code_not_an_article()
    {
        Assert.Equal(["d", "3500"], FrenchAnalyzer.ContentKeys("Nikon D3500").Skip(1));
        Assert.Equal(["3500"], FrenchAnalyzer.ContentKeys("d 3500"));
    }

    [Fact]
    public void Function_words_are_flagged_but_words_that_change_the_thing_are_not()
    {
        var words = FrenchAnalyzer.Analyze("une friteuse sans huile pour la cuisine");
        Assert.Equal(["une", "la"], words.Where(t => t.IsFunctionWord).Select(t => t.Folded));
    }

    [Fact]
    public void Offsets_point_back_into_the_original_text()
    {
        const string text = "Vends Perçeuse Bosch";
        var word = FrenchAnalyzer.Analyze(text)[1];
        Assert.Equal("Perçeuse", text.Substring(word.Start, word.Length));
    }

    [Fact]
    public void Huge_input_is_read_only_up_to_a_bound()
    {
        var tokens = FrenchAnalyzer.Analyze(string.Concat(Enumerable.Repeat("vélo ", 2_000_000)));
        Assert.Equal(FrenchAnalyzer.MaxTokens, tokens.Count);
        Assert.Empty(FrenchAnalyzer.Analyze(new string(' ', 10_000_000)));
    }

    [Theory]
    [InlineData("perceuse", "perceuse", 0)]
    [InlineData("perceuse", "perseuse", 1)]
    [InlineData("aspirateur", "aspiratuer", 1)]
    [InlineData("tronconneuse", "tronconeuze", 2)]
    [InlineData("abc", "xyz", 3)]
    public void Damerau_Levenshtein_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int distance) =>
        Assert.Equal(distance, DamerauLevenshtein.Distance(a, b, 3));

    private static string Key(string word) => FrenchLightStemmer.Stem(FrenchFolding.Fold(word));
}
