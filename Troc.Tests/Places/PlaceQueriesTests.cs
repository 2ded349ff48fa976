using System.Text.Json.Nodes;
using Troc.Graph.Common;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Places;

public sealed class PlaceQueriesTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string Search = """
        query($query: String!, $first: Int) {
          places(query: $query, first: $first) {
            id inseeCode name postalCodes departmentCode population location { latitude longitude } locationPrecision
          }
        }
        """;

    private async Task<JsonArray> PlacesAsync(string query, int? first = null)
    {
        var response = await app.CreateGraphQLClient().PostAsync(Search, new { query, first });
        response.EnsureNoErrors();
        var places = response.Data!["places"]!.AsArray();
        if (query.Trim().Length > 0 && places.Count == 0)
        {
            // The gazetteer comes from a generated file; say how to produce it rather than fail obscurely.
            var any = await app.CreateGraphQLClient().PostAsync(Search, new { query = "a" });
            Assert.True(any.Data!["places"]!.AsArray().Count > 0,
                "The places table is empty: build .troc/places/communes.tsv with `./troc build`, then run the tests again.");
        }
        return places;
    }

    private static List<string> Names(JsonArray places) => places.Select(p => p!["name"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Paris_comes_first_with_its_postal_codes_and_centre()
    {
        var response = await app.CreateGraphQLClient().PostAsync(Search, new { query = "paris", first = 3 });

        response.EnsureNoErrors();
        var paris = response.Data!["places"]![0]!;
        Assert.Equal("Paris", paris["name"]!.GetValue<string>());
        Assert.Equal("75056", paris["inseeCode"]!.GetValue<string>());
        Assert.Equal("75", paris["departmentCode"]!.GetValue<string>());
        Assert.Contains("75011", paris["postalCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(paris["population"]!.GetValue<int>() > 2_000_000);
        Assert.InRange(paris["location"]!["latitude"]!.GetValue<double>(), 48.81, 48.91);
        Assert.InRange(paris["location"]!["longitude"]!.GetValue<double>(), 2.25, 2.42);
        Assert.Equal("COMMUNE", paris["locationPrecision"]!.GetValue<string>());
        response.MatchSnapshot();
    }

    [Theory]
    [InlineData("saint etienne")]
    [InlineData("st-étienne")]
    [InlineData("SAINT ÉTIENNE")]
    [InlineData("Saint-Etienne")]
    [InlineData("st etien")]
    public async Task Saint_Etienne_is_found_however_it_is_spelled(string query)
    {
        var places = await PlacesAsync(query, 5);

        Assert.Equal("Saint-Étienne", places[0]!["name"]!.GetValue<string>());
        Assert.Equal("42218", places[0]!["inseeCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lyon_comes_first_then_its_arrondissements_then_names_with_a_later_word_lyon()
    {
        var places = await PlacesAsync("lyon", 50);
        var names = Names(places);

        Assert.Equal("Lyon", names[0]);
        Assert.Contains("Lyon 3e Arrondissement", names);
        // Names that start with the query come before those where it only starts a later word.
        var firstLater = names.FindIndex(n => !n.StartsWith("Lyon", StringComparison.Ordinal));
        Assert.True(firstLater > 0, string.Join(", ", names));
        Assert.All(names.Skip(firstLater), n => Assert.False(n.StartsWith("Lyon", StringComparison.Ordinal), n));
        Assert.Contains("Sainte-Foy-lès-Lyon", names);
    }

    [Fact]
    public async Task Any_word_of_the_name_can_start_the_match()
    {
        Assert.Equal("Clermont-Ferrand", Names(await PlacesAsync("clermont"))[0]);
        Assert.Equal("Clermont-Ferrand", Names(await PlacesAsync("ferrand"))[0]);
    }

    [Theory]
    [InlineData("ÉVRY")]
    [InlineData("evry")]
    [InlineData("Évry-Courcouronnes")]
    public async Task Accents_and_case_do_not_matter(string query) =>
        Assert.Equal("Évry-Courcouronnes", Names(await PlacesAsync(query))[0]);

    [Fact]
    public async Task A_trailing_st_finds_Strasbourg_and_the_saints_together()
    {
        var names = Names(await PlacesAsync("st", 10));

        Assert.Equal("Strasbourg", names[0]);
        Assert.Contains("Saint-Étienne", names);
    }

    [Fact]
    public async Task A_postal_code_finds_its_communes()
    {
        Assert.Equal("Marseille", Names(await PlacesAsync("13001"))[0]);
        var paris = Names(await PlacesAsync("75011"));
        Assert.Equal(["Paris", "Paris 11e Arrondissement"], paris);
    }

    [Fact]
    public async Task A_postal_code_prefix_lists_the_biggest_places_first()
    {
        var response = await app.CreateGraphQLClient().PostAsync(Search, new { query = "69", first = 10 });

        response.EnsureNoErrors();
        var places = response.Data!["places"]!.AsArray();
        Assert.Equal(10, places.Count);
        Assert.Equal("Lyon", places[0]!["name"]!.GetValue<string>());
        Assert.Contains("Villeurbanne", Names(places));
        var populations = places.Select(p => p!["population"]!.GetValue<int>()).ToList();
        Assert.Equal(populations.OrderByDescending(p => p), populations);
        Assert.All(places, p => Assert.Contains(p!["postalCodes"]!.AsArray(), c => c!.GetValue<string>().StartsWith("69", StringComparison.Ordinal)));
        response.MatchSnapshot();
    }

    [Fact]
    public async Task Three_digits_narrow_to_Lyons_arrondissements()
    {
        var places = await PlacesAsync("690", 20);

        Assert.Equal("Lyon", places[0]!["name"]!.GetValue<string>());
        Assert.All(places, p => Assert.Contains(p!["postalCodes"]!.AsArray(), c => c!.GetValue<string>().StartsWith("690", StringComparison.Ordinal)));
        Assert.Equal(10, places.Count); // Lyon and its nine arrondissements
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-'")]
    [InlineData("zzzzqqq")]
    [InlineData("999999")]
    public async Task Blank_or_unmatched_queries_return_an_empty_list(string query) =>
        Assert.Empty(await PlacesAsync(query));

    [Fact]
    public async Task First_defaults_to_ten_and_is_honoured()
    {
        Assert.Equal(10, (await PlacesAsync("saint")).Count);
        Assert.Single(await PlacesAsync("saint", 1));
        Assert.Equal(50, (await PlacesAsync("saint", 50)).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    [InlineData(1000)]
    public async Task First_out_of_range_is_a_coded_error(int first)
    {
        var response = await app.CreateGraphQLClient().PostAsync(Search, new { query = "paris", first });

        Assert.Equal(200, response.StatusCode);
        var error = Assert.Single(response.Errors!);
        Assert.Equal("FIRST_OUT_OF_RANGE", error!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("between 1 and 50", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_enormous_first_is_refused_before_execution_not_with_a_server_error()
    {
        // The execution pipeline's complexity estimate multiplies by `first`, so this never reaches the resolver.
        var response = await app.CreateGraphQLClient().PostAsync(Search, new { query = "paris", first = int.MaxValue });

        Assert.Equal(400, response.StatusCode);
        var error = Assert.Single(response.Errors!);
        Assert.False(string.IsNullOrEmpty(error!["extensions"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_query_longer_than_100_characters_is_a_coded_error()
    {
        var client = app.CreateGraphQLClient();
        var atTheLimit = await client.PostAsync(Search, new { query = new string('a', 100) });
        atTheLimit.EnsureNoErrors();
        Assert.Empty(atTheLimit.Data!["places"]!.AsArray());

        var response = await client.PostAsync(Search, new { query = new string('a', 101) });

        Assert.Equal(200, response.StatusCode);
        var error = Assert.Single(response.Errors!);
        Assert.Equal("QUERY_TOO_LONG", error!["extensions"]!["code"]!.GetValue<string>());
        response.MatchSnapshot();
    }

    [Fact]
    public async Task A_huge_query_is_refused_without_a_server_error()
    {
        var response = await app.CreateGraphQLClient().PostAsync(Search, new { query = new string('é', 100_000) });

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("QUERY_TOO_LONG", Assert.Single(response.Errors!)!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_place_is_refetched_by_its_global_id()
    {
        var client = app.CreateGraphQLClient();
        var found = await PlacesAsync("clermont-ferrand", 1);
        var id = found[0]!["id"]!.GetValue<string>();
        Assert.True(GlobalId.TryDecode(id, out var typeName, out var key));
        Assert.Equal("Place", typeName);
        Assert.Equal("63113", key);

        var response = await client.PostAsync("""
            query($id: ID!, $ids: [ID!]!) {
              node(id: $id) { id __typename ... on Place { name inseeCode postalCodes location { latitude longitude } } }
              nodes(ids: $ids) { id ... on Place { name } }
            }
            """, new { id, ids = new[] { id, GlobalId.Encode("Place", "00000"), GlobalId.Encode("Place", "too-long-key") } });

        response.EnsureNoErrors();
        Assert.Equal(id, response.Data!["node"]!["id"]!.GetValue<string>());
        Assert.Equal("Clermont-Ferrand", response.Data["node"]!["name"]!.GetValue<string>());
        var nodes = response.Data["nodes"]!.AsArray();
        Assert.Equal("Clermont-Ferrand", nodes[0]!["name"]!.GetValue<string>());
        Assert.Null(nodes[1]);
        Assert.Null(nodes[2]);
        response.MatchSnapshot();
    }

    [Fact]
    public async Task Small_communes_have_an_approximate_centre()
    {
        // Bezonvaux (Meuse), one of the villages « mort pour la France »: no GeoNames point of its own.
        var places = await PlacesAsync("bezonvaux", 1);

        var place = places[0]!;
        Assert.Equal("55050", place["inseeCode"]!.GetValue<string>());
        Assert.Equal("APPROXIMATE", place["locationPrecision"]!.GetValue<string>());
        Assert.InRange(place["location"]!["latitude"]!.GetValue<double>(), 49.0, 49.4);
        Assert.InRange(place["location"]!["longitude"]!.GetValue<double>(), 5.2, 5.7);
    }
}
