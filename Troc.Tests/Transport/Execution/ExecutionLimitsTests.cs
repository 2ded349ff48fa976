using System.Text.Json.Nodes;
using Troc.Graph.Transport.Execution;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Transport.Execution;

/// <summary>Every limit refuses its document before execution, with its own code, and never as a 500.</summary>
public sealed class ExecutionLimitsTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task A_five_megabyte_document_is_refused_before_parsing()
    {
        var document = "{" + new string(' ', 5 * 1024 * 1024) + "__typename }";

        var response = await ExecutorRunner.ExecuteAsync(app.Services, document);

        AssertRefused(response, LimitCodes.DocumentTooLong);
        Assert.Contains("at most 20000", response["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_longer_than_the_limit_is_refused_over_http_as_a_bad_request()
    {
        // Under any sensible body limit (25 KB), over the document limit (20,000 characters).
        var document = "{ __typename }" + new string(' ', 25_000);

        var response = await app.CreateGraphQLClient().PostAsync(document);

        Assert.Equal(400, response.StatusCode);
        AssertRefused(response.Json, LimitCodes.DocumentTooLong);
    }

    [Fact]
    public async Task A_depth_50_query_is_refused_for_its_depth()
    {
        var response = await ExecutorRunner.ExecuteAsync(app.Services, Queries.NestedParents(50));

        AssertRefused(response, LimitCodes.MaxDepthExceeded);
        Assert.Contains("50 levels deep; at most 15", response["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_depth_50_query_is_refused_over_http_as_a_bad_request()
    {
        var response = await app.CreateGraphQLClient().PostAsync(Queries.NestedParents(50));

        Assert.Equal(400, response.StatusCode);
        AssertRefused(response.Json, LimitCodes.MaxDepthExceeded);
    }

    [Fact]
    public async Task A_document_nested_beyond_what_the_parser_accepts_is_a_depth_error_not_a_fault()
    {
        var response = await ExecutorRunner.ExecuteAsync(app.Services, Queries.NestedParents(500));

        AssertRefused(response, LimitCodes.MaxDepthExceeded);
    }

    [Fact]
    public async Task The_deepest_allowed_query_runs()
    {
        var response = await ExecutorRunner.ExecuteAsync(app.Services, Queries.NestedParents(15));

        Assert.Null(response["errors"]);
    }

    [Fact]
    public async Task Nested_lists_beyond_the_complexity_budget_are_refused()
    {
        // Five levels only, but 20 × 20 × 20 × 20 estimated objects.
        var response = await ExecutorRunner.ExecuteAsync(app.Services, Queries.NestedCategories(5));

        AssertRefused(response, LimitCodes.MaxComplexityExceeded);
    }

    [Theory]
    [InlineData("Query", "__typename")]
    [InlineData("__Schema", "description")]
    public async Task Fragments_that_multiply_when_expanded_are_refused_before_anything_expands_them(string type, string field)
    {
        // 40 short fragments, each spreading the next one twice: 2^40 fields once expanded. Without the check before
        // validation, the complexity analyzer would expand them and this test would not finish.
        var fragments = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"fragment F{i} on {type} {{ ...F{i + 1} ...F{i + 1} }}"));
        var selection = type == "Query" ? "...F0" : "__schema { ...F0 }";
        var document = $"{{ {selection} }} {fragments} fragment F40 on {type} {{ {field} }}";

        var response = await ExecutorRunner.ExecuteAsync(app.Services, document);

        AssertRefused(response, LimitCodes.MaxComplexityExceeded);
    }

    [Fact]
    public async Task Fragment_cycles_are_left_to_validation_to_report()
    {
        var response = await ExecutorRunner.ExecuteAsync(app.Services,
            "{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A }");

        Assert.Contains("NO_FRAGMENT_CYCLES", response.ErrorCodes());
    }

    [Fact]
    public async Task More_than_30_aliases_are_refused()
    {
        var allowed = await ExecutorRunner.ExecuteAsync(app.Services, Queries.AliasedTypename(30));
        var refused = await ExecutorRunner.ExecuteAsync(app.Services, Queries.AliasedTypename(31));

        Assert.Null(allowed["errors"]);
        AssertRefused(refused, LimitCodes.TooManyAliases);
    }

    [Fact]
    public async Task More_than_300_fields_are_refused()
    {
        var allowed = await ExecutorRunner.ExecuteAsync(app.Services, Queries.RepeatedTypename(300));
        var refused = await ExecutorRunner.ExecuteAsync(app.Services, Queries.RepeatedTypename(301));

        Assert.Null(allowed["errors"]);
        AssertRefused(refused, LimitCodes.TooManyFields);
    }

    [Fact]
    public async Task Thousands_of_unknown_fields_get_one_error_not_one_per_field()
    {
        // Validation would report each of them; the field limit is checked before validation runs.
        var document = "{ " + string.Join(' ', Enumerable.Repeat("a", 9_000)) + " }";

        var response = await ExecutorRunner.ExecuteAsync(app.Services, document);

        Assert.Equal([LimitCodes.TooManyFields], response.ErrorCodes());
    }

    [Fact]
    public async Task Fields_inside_fragments_count_too()
    {
        var fragmentFields = string.Join(' ', Enumerable.Repeat("__typename", 200));
        var document = $"{{ ...Many ... on Query {{ {fragmentFields} }} }} fragment Many on Query {{ {fragmentFields} }}";

        var response = await ExecutorRunner.ExecuteAsync(app.Services, document);

        AssertRefused(response, LimitCodes.TooManyFields);
    }

    [Fact]
    public async Task Introspection_that_nests_the_schema_lists_is_refused()
    {
        var response = await ExecutorRunner.ExecuteAsync(app.Services,
            "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");

        AssertRefused(response, LimitCodes.MaxIntrospectionDepthExceeded);
    }

    [Fact]
    public async Task Introspection_nesting_hidden_in_fragments_is_refused_too()
    {
        var response = await ExecutorRunner.ExecuteAsync(app.Services, """
            { __type(name: "Query") { ...Level1 } }
            fragment Level1 on __Type { fields { type { ...Level2 } } }
            fragment Level2 on __Type { interfaces { ...Level3 } }
            fragment Level3 on __Type { possibleTypes { name } }
            """);

        AssertRefused(response, LimitCodes.MaxIntrospectionDepthExceeded);
    }

    [Theory]
    [InlineData(Queries.BananaCakePopIntrospection)]
    [InlineData(Queries.GraphQLJsIntrospection)]
    public async Task Introspection_by_the_usual_tools_passes_every_limit(string introspection)
    {
        var response = await app.CreateGraphQLClient().PostAsync(introspection);

        response.EnsureNoErrors();
        var types = response.Data!["__schema"]!["types"]!.AsArray();
        Assert.Contains(types, type => type!["name"]!.GetValue<string>() == "Category");
    }

    private static void AssertRefused(JsonObject response, string code)
    {
        Assert.True(response.ErrorCodes().Contains(code), $"expected {code}, got: {response.ToJsonString()}");
        Assert.Null(response["data"]);
    }
}
