using Troc.Tests.Infrastructure;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Http;

public sealed class PostRequestTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Post_json_runs_the_operation_and_answers_in_the_accepted_media_type()
    {
        var response = await PostAsync(_client, """{"query":"{ __typename }"}""");

        response.Is(200, GraphQLResponseJson);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", response.Body);
        Assert.Contains("Accept", response.Header("Vary"));
    }

    [Fact]
    public async Task Post_with_an_explicit_utf8_charset_and_non_ascii_text_is_accepted()
    {
        var response = await PostAsync(_client, """{"query":"{ __type(name: \"Run🏃Swim🏊\") { name } }"}""", "application/json; charset=utf-8");

        response.Is(200, GraphQLResponseJson);
        Assert.Equal("""{"data":{"__type":null}}""", response.Body);
    }

    [Theory]
    [InlineData(GraphQLResponseJson)]
    [InlineData(Json)]
    public async Task Malformed_json_is_a_400_that_says_where_the_json_breaks(string accept)
    {
        var response = await PostAsync(_client, """{"query": "{ __typename }" """, accept: accept);

        response.IsError(400, accept, "BAD_REQUEST");
        Assert.StartsWith("The request body is not valid JSON:", response.FirstErrorMessage);
        Assert.Contains("BytePositionInLine", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Malformed_json_error_body()
    {
        var response = await PostAsync(_client, """{"query": """);

        response.MatchSnapshot();
    }

    [Theory]
    [InlineData("""{"query": 1}""", "\"query\" must be a string, not a number.")]
    [InlineData("""{"query": ["{ __typename }"]}""", "\"query\" must be a string, not an array.")]
    [InlineData("""{"notquery": "{ __typename }"}""", "\"query\" is required: send the GraphQL document as a string.")]
    [InlineData("""{"query": null}""", "\"query\" is required: send the GraphQL document as a string.")]
    [InlineData("""{"query": "{ __typename }", "variables": "{}"}""", "\"variables\" must be a JSON object or null, not a string.")]
    [InlineData("""{"query": "{ __typename }", "variables": [1]}""", "\"variables\" must be a JSON object or null, not an array.")]
    [InlineData("""{"query": "{ __typename }", "operationName": {}}""", "\"operationName\" must be a string or null, not an object.")]
    [InlineData("""{"query": "{ __typename }", "operationName": false}""", "\"operationName\" must be a string or null, not a boolean.")]
    [InlineData("""{"query": "{ __typename }", "extensions": "x"}""", "\"extensions\" must be a JSON object or null, not a string.")]
    [InlineData("\"{ __typename }\"", "The request body must be a JSON object (one operation) or an array of them (a batch), not a string.")]
    [InlineData("[1]", "Batch item 0: a request must be a JSON object, not a number.")]
    public async Task A_request_parameter_of_the_wrong_type_is_a_400_naming_it(string body, string message)
    {
        var response = await PostAsync(_client, body, accept: Json);

        response.IsError(400, Json, "BAD_REQUEST");
        Assert.Equal(message, response.FirstErrorMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public async Task An_empty_body_is_a_400(string body)
    {
        var response = await PostAsync(_client, body);

        response.IsError(400, GraphQLResponseJson, "BAD_REQUEST");
        Assert.StartsWith("The request body is empty", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Null_variables_operation_name_and_extensions_are_the_same_as_absent()
    {
        var response = await PostAsync(_client, """{"query":"{ __typename }","variables":null,"operationName":null,"extensions":null}""");

        response.Is(200, GraphQLResponseJson);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", response.Body);
    }

    [Fact]
    public async Task A_wrongly_typed_variable_is_a_400_under_graphql_response_json()
    {
        var response = await PostAsync(_client,
            """{"query":"query($slug: String!) { category(slug: $slug) { slug } }","variables":{"slug":5}}""");

        response.Is(400, GraphQLResponseJson);
        Assert.False(response.HasData);
        Assert.Equal("Variable '$slug' is invalid. Unable to convert '5' to 'String'", response.FirstErrorMessage);
        response.MatchSnapshot();
    }

    [Fact]
    public async Task A_wrongly_typed_variable_is_a_200_with_errors_under_application_json()
    {
        var response = await PostAsync(_client,
            """{"query":"query($slug: String!) { category(slug: $slug) { slug } }","variables":{"slug":5}}""", accept: Json);

        response.Is(200, Json);
        Assert.False(response.HasData);
        Assert.StartsWith("Variable '$slug' is invalid.", response.FirstErrorMessage);
    }

    [Fact]
    public async Task A_variable_the_engine_cannot_accept_is_a_400_not_a_500()
    {
        // The issue's own example: whether Int is in the schema or not, "x" cannot be an Int.
        var response = await PostAsync(_client, """{"query":"query($n: Int) { __typename }","variables":{"n":"x"}}""");

        response.Is(400, GraphQLResponseJson);
        Assert.False(response.HasData);
        Assert.NotEmpty(response.Errors);
    }

    [Fact]
    public async Task An_unknown_operation_name_is_a_400_naming_the_operation()
    {
        var response = await PostAsync(_client,
            """{"query":"query Listings { __typename } query Categories { __typename }","operationName":"Trades"}""");

        response.Is(400, GraphQLResponseJson);
        Assert.False(response.HasData);
        Assert.Equal("Document does not contain an operation named 'Trades'.", response.FirstErrorMessage);
        response.MatchSnapshot();
    }

    [Fact]
    public async Task The_operation_name_selects_which_operation_runs()
    {
        var response = await PostAsync(_client,
            """{"query":"query A { a: __typename } query B { b: __typename }","operationName":"B"}""");

        response.Is(200, GraphQLResponseJson);
        Assert.Equal("""{"data":{"b":"Query"}}""", response.Body);
    }

    [Theory]
    [InlineData(GraphQLResponseJson, 400)]
    [InlineData(Json, 200)]
    public async Task A_document_that_does_not_parse_has_the_status_its_media_type_requires(string accept, int status)
    {
        var response = await PostAsync(_client, """{"query":"{"}""", accept: accept);

        response.Is(status, accept);
        Assert.False(response.HasData);
        Assert.StartsWith("Error parsing query", response.FirstErrorMessage);
    }

    [Theory]
    [InlineData(GraphQLResponseJson, 400)]
    [InlineData(Json, 200)]
    public async Task A_document_that_does_not_validate_has_the_status_its_media_type_requires(string accept, int status)
    {
        var response = await PostAsync(_client, """{"query":"{ noSuchField }"}""", accept: accept);

        response.Is(status, accept);
        Assert.False(response.HasData);
        Assert.Contains("noSuchField", response.FirstErrorMessage);
    }

    [Theory]
    [InlineData(GraphQLResponseJson, 400)]
    [InlineData(Json, 200)]
    public async Task A_subscription_over_http_is_refused_pointing_at_the_websocket(string accept, int status)
    {
        var response = await PostAsync(_client, """{"query":"subscription OnMessage { messageAdded { id } }"}""", accept: accept);

        response.IsError(status, accept, "SUBSCRIPTION_REQUIRES_WEBSOCKET");
        Assert.Contains("WebSocket", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Subscription_error_body()
    {
        var response = await PostAsync(_client, """{"query":"subscription { messageAdded { id } }"}""");

        response.MatchSnapshot();
    }
}
