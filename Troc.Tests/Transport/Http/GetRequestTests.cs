using Troc.Tests.Infrastructure;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

public sealed class GetRequestTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Get_runs_a_query_from_the_query_string()
    {
        var response = await GetAsync(_client, "{ __typename }");

        response.Is(200, GraphQLResponseJson);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", response.Body);
    }

    [Fact]
    public async Task Get_reads_variables_and_operation_name_from_the_query_string()
    {
        var response = await GetAsync(_client,
            "query Other { __typename } query Type($name: String!) { __type(name: $name) { name } }",
            variables: """{"name":"Category"}""", operationName: "Type", accept: Json);

        response.Is(200, Json);
        Assert.Equal("""{"data":{"__type":{"name":"Category"}}}""", response.Body);
    }

    [Fact]
    public async Task Get_mutation_is_405_with_allow_post_even_though_the_schema_has_no_mutation_type()
    {
        var response = await GetAsync(_client, "mutation { __typename }");

        response.IsError(405, GraphQLResponseJson, "METHOD_NOT_ALLOWED");
        Assert.Equal("POST", response.Header("Allow"));
        Assert.Equal("Mutations cannot be sent with GET: send them with POST.", response.FirstErrorMessage);
        response.MatchSnapshot();
    }

    [Theory]
    [InlineData(Json)]
    [InlineData(null)]
    public async Task Get_mutation_is_405_whatever_the_accepted_media_type(string? accept)
    {
        var response = await GetAsync(_client, "mutation CreateListing { __typename }", accept: accept);

        response.IsError(405, Json, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Get_refuses_the_mutation_its_operation_name_selects_but_runs_a_query_beside_it()
    {
        const string document = "query Read { __typename } mutation Write { __typename }";

        var mutation = await GetAsync(_client, document, operationName: "Write");
        var query = await GetAsync(_client, document, operationName: "Read");

        mutation.IsError(405, GraphQLResponseJson, "METHOD_NOT_ALLOWED");
        query.Is(200, GraphQLResponseJson);
    }

    [Fact]
    public async Task Get_mutation_that_cannot_be_parsed_is_refused_without_running()
    {
        var tooDeep = "mutation { " + string.Concat(Enumerable.Repeat("a { ", 300)) + "b" + new string('}', 301);

        var syntaxError = await GetAsync(_client, "mutation { __typename ");
        var nestedTooDeep = await GetAsync(_client, tooDeep);

        syntaxError.Is(400, GraphQLResponseJson);
        Assert.False(syntaxError.HasData);
        Assert.StartsWith("Error parsing query", syntaxError.FirstErrorMessage);
        nestedTooDeep.Is(400, GraphQLResponseJson);
        Assert.False(nestedTooDeep.HasData);
    }

    [Fact]
    public async Task Get_with_variables_that_are_not_json_is_a_400()
    {
        var response = await GetAsync(_client, "{ __typename }", variables: """{"name":""");

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.StartsWith("The \"variables\" URL parameter is not valid JSON:", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Get_with_variables_that_are_not_an_object_is_a_400()
    {
        var response = await GetAsync(_client, "{ __typename }", variables: "[1]");

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.Equal("The \"variables\" URL parameter must be a JSON object, not an array.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Get_without_a_query_is_a_400()
    {
        var response = await SendAsync(_client, HttpMethod.Get, "/graphql?operationName=A", null, null, Json);

        response.IsError(400, Json, "BAD_REQUEST");
        Assert.StartsWith("The \"query\" URL parameter is required", response.FirstErrorMessage);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Methods_other_than_get_and_post_are_405_with_allow(string method)
    {
        var response = await SendAsync(_client, new HttpMethod(method), "/graphql", """{"query":"{ __typename }"}""", Json, Json);

        response.IsError(405, Json, "METHOD_NOT_ALLOWED");
        Assert.Equal("GET, POST", response.Header("Allow"));
    }
}
