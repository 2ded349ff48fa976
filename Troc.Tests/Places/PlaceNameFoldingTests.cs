using Troc.Domain.Places;

namespace Troc.Tests.Places;

public sealed class PlaceNameFoldingTests
{
    [Theory]
    [InlineData("Saint-Étienne", "saint etienne")]
    [InlineData("SAINT ÉTIENNE", "saint etienne")]
    [InlineData("st-étienne", "saint etienne")]
    [InlineData("Ste-Foy-lès-Lyon", "sainte foy les lyon")]
    [InlineData("L'Abergement-Clémenciat", "l abergement clemenciat")]
    [InlineData("L’Haÿ-les-Roses", "l hay les roses")]
    [InlineData("Œuilly", "oeuilly")]
    [InlineData("  Clermont--Ferrand  ", "clermont ferrand")]
    [InlineData("Paris 11e Arrondissement", "paris 11e arrondissement")]
    [InlineData("Île-d'Yeu", "ile d yeu")]
    [InlineData("Ça, Ñandú & Łódź", "ca nandu lodz")]
    [InlineData("Stains", "stains")]
    [InlineData("Saint-E\u0301tienne", "saint etienne")]
    [InlineData("Saint\u2011Étienne", "saint etienne")]
    [InlineData("100% _wild_", "100 wild")]
    [InlineData("", "")]
    [InlineData(" -' ", "")]
    public void Fold_lowers_removes_accents_separates_words_and_spells_out_saint(string name, string expected) =>
        Assert.Equal(expected, PlaceNameFolding.Fold(name));

    [Fact]
    public void Upper_case_accented_letters_fold_under_invariant_globalization() =>
        Assert.Equal("eeeaaucio", PlaceNameFolding.Fold("ÉÈÊÀÂÙÇÎÔ"));

    [Fact]
    public void A_trailing_st_is_both_an_abbreviation_and_the_start_of_a_word()
    {
        Assert.Equal(["saint", "st"], PlaceNameFolding.QueryPrefixes("st"));
        Assert.Equal(["saint etienne"], PlaceNameFolding.QueryPrefixes("st etienne"));
        Assert.Equal(["la sainte", "la ste"], PlaceNameFolding.QueryPrefixes("La Ste"));
        Assert.Equal(["strasb"], PlaceNameFolding.QueryPrefixes("Strasb"));
        Assert.Empty(PlaceNameFolding.QueryPrefixes("  '- "));
    }

    [Theory]
    [InlineData("75011", "75011")]
    [InlineData(" 690 ", "690")]
    [InlineData("75 011", "75011")]
    [InlineData("6", "6")]
    public void Digits_are_a_postal_code_prefix(string query, string expected)
    {
        var parsed = PlaceQuery.Parse(query);
        Assert.Equal(expected, parsed.PostalCodePrefix);
        Assert.Empty(parsed.NamePrefixes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("750110")]
    [InlineData("---")]
    public void Blank_or_impossible_queries_are_empty(string query) => Assert.True(PlaceQuery.Parse(query).IsEmpty);

    [Fact]
    public void Letters_and_digits_together_are_a_name() =>
        Assert.Equal(["paris 11"], PlaceQuery.Parse("Paris 11").NamePrefixes);
}
