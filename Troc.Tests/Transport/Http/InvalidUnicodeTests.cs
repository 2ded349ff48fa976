using Troc.Tests.Infrastructure;
using Troc.Tests.Media;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

/// <summary>
/// JSON may escape a lone UTF-16 surrogate (<c>"\ud800"</c>), which no .NET JSON reader turns into a string: wherever it
/// sits in a POST body, the request is a 400 naming the string, never a 500.
/// </summary>
public sealed class InvalidUnicodeTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string Search = "query($q: String) { searchListings(query: $q, first: 1) { totalCount } }";

    private readonly HttpClient _client = app.CreateClient();

    // Written as JSON text: a C# string cannot carry the escape through a serializer untouched.
    [Theory]
    [InlineData("""{"query": "{ __typename \ud800 }"}""", "the string at $.query")]
    [InlineData("""{"query": "{ __typename }", "operationName": "A\ud800"}""", "the string at $.operationName")]
    [InlineData("""{"query": "query($q: String) { searchListings(query: $q, first: 1) { totalCount } }", "variables": {"q": "v\udc00lo"}}""", "the string at $.variables.q")]
    [InlineData("""{"query": "{ __typename }", "variables": {"\ud800": 1}}""", "a property name in $.variables")]
    [InlineData("""{"query": "{ __typename }", "extensions": {"persistedQuery": {"sha256Hash": "\ud83d"}}}""", "the string at $.extensions.persistedQuery.sha256Hash")]
    [InlineData("""{"query": "{ __typename }", "variables": {"list": ["ok", "\udfff"]}}""", "the string at $.variables.list[1]")]
    [InlineData("""{"query": "{ __typename }", "unknownKey": "\ud800"}""", "the string at $.unknownKey")]
    [InlineData("""[{"query": "{ __typename }"}, {"query": "{ __typename }", "variables": {"q": "\ud800"}}]""", "the string at $[1].variables.q")]
    public async Task A_lone_surrogate_anywhere_in_a_post_body_is_a_400_naming_the_string(string body, string where)
    {
        var response = await PostAsync(_client, body);

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.Equal(
            $"The request body is not valid JSON: {where} holds a lone UTF-16 surrogate (an unpaired \\ud800-\\udfff escape); strings must be valid Unicode.",
            response.FirstErrorMessage);
    }

    [Fact]
    public async Task A_well_paired_surrogate_escape_is_an_ordinary_character()
    {
        var response = await PostAsync(_client, """{"query": "{ __type(name: \"V\ud83d\udeb2lo\") { name } }"}""");

        response.Is(200, GraphQLResponseJson);
        Assert.Equal("""{"data":{"__type":null}}""", response.Body);
    }

    [Fact]
    public async Task A_lone_surrogate_in_get_variables_is_a_400_too()
    {
        var response = await GetAsync(_client, Search, variables: """{"q": "\ud800"}""");

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.StartsWith("The \"variables\" URL parameter is not valid JSON: the string at $.q holds a lone UTF-16 surrogate", response.FirstErrorMessage);
    }

    [Fact]
    public async Task A_lone_surrogate_in_the_multipart_operations_field_is_a_400()
    {
        var content = Multipart.Content(
            """{"query": "mutation($file: Upload!) { addListingImages(input: {listingId: \"x\", images: [$file]}) { errors { code } } }", "variables": {"file": null, "note": "\ud800"}}""",
            """{"0":["variables.file"]}""",
            Multipart.File("0", "a.jpg", [1, 2, 3]));

        var response = await Multipart.PostAsync(_client, content);

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.StartsWith("The \"operations\" multipart field is not valid JSON: the string at $.variables.note holds a lone UTF-16 surrogate", response.FirstErrorMessage);
    }

    [Fact]
    public async Task A_lone_surrogate_in_the_multipart_map_is_a_400()
    {
        var content = Multipart.Content(
            Multipart.Operations(Search, """{"q": null}"""),
            """{"\ud800":["variables.q"]}""",
            Multipart.File("0", "a.jpg", [1, 2, 3]));

        var response = await Multipart.PostAsync(_client, content);

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.StartsWith("The \"map\" multipart field is not valid JSON: a property name in $ holds a lone UTF-16 surrogate", response.FirstErrorMessage);
    }
}
