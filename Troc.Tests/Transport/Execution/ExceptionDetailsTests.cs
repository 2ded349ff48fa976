using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Troc.Graph.Transport.Execution;
using Troc.Tests.Infrastructure;
using Troc.Tests.Transport.Http;
using static Troc.Tests.Transport.Http.HttpExchange;

namespace Troc.Tests.Transport.Execution;

/// <summary>The host as `./troc run` starts it (Development), with one root field whose resolver fails unexpectedly.</summary>
public class DevelopmentAppFactory : TrocAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }

    protected override void ConfigureTestServices(IServiceCollection services) => ObservedApp.AddFailingField(services);
}

/// <summary>
/// Exception details (stack traces with the server's source paths) are an explicit opt-in, off by default even under
/// `./troc run` (Development), and never attached to a refused request, opted in or not.
/// </summary>
public abstract class ExceptionDetailsTests<TApp>(TApp app) where TApp : DevelopmentAppFactory
{
    private readonly HttpClient _client = app.CreateClient();

    public static TheoryData<string, string> ClientErrors => new()
    {
        { "malformed JSON", """{"query": "{ __typename }" """ },
        { "unknown field", """{"query": "{ noSuchField }"}""" },
        { "wrongly typed variable", """{"query": "query($first: Int) { categories { slug } searchListings(first: $first) { totalCount } }", "variables": {"first": "many"}}""" },
        { "too many aliases", $$$"""{"query": "{ {{{string.Join(" ", Enumerable.Range(0, 40).Select(i => $"a{i}: __typename"))}}} }"}""" },
        { "not signed in", """{"query": "mutation { logoutEverywhere { endedSessions } }"}""" },
        { "body too large", $$$"""{"query": "{ __typename }", "variables": {"padding": "{{{new string('x', 1_100_000)}}}"}}""" },
    };

    [Theory]
    [MemberData(nameof(ClientErrors))]
    public async Task A_refused_request_carries_no_stack_trace(string refusal, string body)
    {
        var response = await PostAsync(_client, body);

        Assert.True(response.Errors.Count > 0, refusal);
        AssertNoExceptionDetails(response.Body);
    }

    [Fact]
    public async Task Refusals_over_headers_and_methods_carry_no_stack_trace()
    {
        var responses = new[]
        {
            await PostAsync(_client, """{"query": "{ __typename }"}""", contentType: "text/plain"),
            await PostAsync(_client, """{"query": "{ __typename }"}""", accept: "text/csv"),
            await SendAsync(_client, HttpMethod.Put, "/graphql", """{"query": "{ __typename }"}""", Json, GraphQLResponseJson),
            await SendAsync(_client, HttpMethod.Post, "/graphql", """{"query": "{ __typename }"}""", Json, GraphQLResponseJson,
                new Dictionary<string, string> { ["Authorization"] = "Bearer not-a-token" }),
        };

        Assert.Equal([415, 406, 405, 401], responses.Select(response => response.StatusCode));
        foreach (var response in responses) AssertNoExceptionDetails(response.Body);
    }

    protected Task<HttpExchange> RunFailingFieldAsync() => PostAsync(_client, """{"query": "{ failingField }"}""");

    protected static void AssertNoExceptionDetails(string body)
    {
        Assert.DoesNotContain("\"details\"", body);
        Assert.DoesNotContain(".cs:line", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("hunter2", body);
    }
}

public sealed class ExceptionDetailsByDefaultTests(ExceptionDetailsByDefaultTests.App app)
    : ExceptionDetailsTests<ExceptionDetailsByDefaultTests.App>(app), IClassFixture<ExceptionDetailsByDefaultTests.App>
{
    public sealed class App : DevelopmentAppFactory;

    [Fact]
    public async Task In_development_an_unexpected_fault_says_internal_server_error_and_nothing_more()
    {
        var response = await RunFailingFieldAsync();

        Assert.Equal("INTERNAL_SERVER_ERROR", response.FirstErrorCode);
        Assert.Equal("Internal server error", response.FirstErrorMessage);
        AssertNoExceptionDetails(response.Body);
    }
}

public sealed class ExceptionDetailsOptedInTests(ExceptionDetailsOptedInTests.App app)
    : ExceptionDetailsTests<ExceptionDetailsOptedInTests.App>(app), IClassFixture<ExceptionDetailsOptedInTests.App>
{
    public sealed class App : DevelopmentAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            [$"{ExceptionDetailsOptions.Section}:ExposeExceptionDetails"] = "true",
        };
    }

    [Fact]
    public async Task Opted_in_an_unexpected_fault_carries_its_exception_for_the_developer()
    {
        var response = await RunFailingFieldAsync();

        Assert.Equal("INTERNAL_SERVER_ERROR", response.FirstErrorCode);
        var details = response.Errors[0]!["extensions"]!["details"]!.GetValue<string>();
        Assert.Contains("InvalidOperationException", details);
        Assert.Contains(ObservedApp.SecretInException, details);
    }
}
