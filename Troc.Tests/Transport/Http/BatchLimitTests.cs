using System.Text.Json;
using Troc.Tests.Abuse;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Transport.Http.HttpExchange;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Transport.Http;

/// <summary>
/// A batch is one request doing the work of several: the complexities of its operations add up against the limit of
/// one request, refused before any of them runs.
/// </summary>
public sealed class BatchComplexityTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    // The probe from issue 18: 30 aliased searches of 50 listings each, 3,060 of the 25,000 one request may cost.
    private static readonly string ThirtySearches =
        "{ " + string.Join(" ", Enumerable.Range(0, 30).Select(i => $"s{i}: searchListings(first: 50) {{ edges {{ node {{ title }} }} }}")) + " }";

    [Fact]
    public async Task A_batch_whose_operations_add_up_past_the_complexity_limit_is_refused_before_any_of_them_runs()
    {
        var client = app.CreateClient();
        var email = UniqueEmail("batch");
        var register = new
        {
            query = Register,
            variables = new { input = new { email, password = GoodPassword, displayName = "Batch" } },
        };
        var batch = new object[] { register }.Concat(Enumerable.Repeat<object>(new { query = ThirtySearches }, 9));

        var alone = await PostAsync(client, JsonSerializer.Serialize(new { query = ThirtySearches }));
        var refused = await PostAsync(client, JsonSerializer.Serialize(batch));

        alone.Is(200, GraphQLResponseJson);
        Assert.Null(alone.BodyJson["errors"]);
        refused.IsError(400, GraphQLResponseJson, "MAX_COMPLEXITY_EXCEEDED");
        Assert.StartsWith("The batch's operations have an estimated complexity of 27", refused.FirstErrorMessage);
        Assert.Contains("at most 25000 is allowed for one request", refused.FirstErrorMessage);
        // The registration, first in the batch, did not run.
        var login = await app.CreateGraphQLClient().PostAsync(Login, new { input = new { email, password = GoodPassword } });
        Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(login.Data!["login"]));
    }

    [Fact]
    public async Task A_batch_within_the_limit_runs_every_operation()
    {
        var batch = Enumerable.Repeat(new { query = "{ categories { slug } }" }, 5);

        var response = await PostAsync(app.CreateClient(), JsonSerializer.Serialize(batch));

        response.Is(200, GraphQLResponseJson);
        Assert.All(response.BodyJson.AsArray(), result => Assert.NotEmpty(result!["data"]!["categories"]!.AsArray()));
    }
}

/// <summary>Each operation of a batch counts against the request limit of the client address, as a request would.</summary>
public sealed class BatchRateLimitTests(GlobalLimitAppFactory app) : IClassFixture<GlobalLimitAppFactory>
{
    private static string Batch(int operations) => JsonSerializer.Serialize(Enumerable.Repeat(new { query = "{ __typename }" }, operations));

    [Fact]
    public async Task A_batch_past_the_limit_is_refused_with_429_and_nothing_runs()
    {
        // The limit is 5 requests a minute per address.
        var response = await PostAsync(app.CreateClientFrom("10.0.18.51").Http, Batch(6));

        response.IsError(429, GraphQLResponseJson, "RATE_LIMITED");
        Assert.InRange(int.Parse(response.Header("Retry-After")!), 1, 60);
        Assert.InRange(response.Errors[0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>(), 1, 60);
    }

    [Fact]
    public async Task The_operations_of_a_batch_use_up_the_limit_as_separate_requests_would()
    {
        var client = app.CreateClientFrom("10.0.18.52").Http;

        var batch = await PostAsync(client, Batch(5));
        var next = await PostAsync(client, """{"query": "{ __typename }"}""");

        batch.Is(200, GraphQLResponseJson);
        Assert.Equal(5, batch.BodyJson.AsArray().Count);
        Assert.Equal(429, next.StatusCode);
    }
}
