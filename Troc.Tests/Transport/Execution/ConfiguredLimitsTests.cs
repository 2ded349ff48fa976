using Troc.Graph.Transport.Execution;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Transport.Execution;

/// <summary>Each limit comes from configuration (Graph:Limits), not only from its default.</summary>
public sealed class ConfiguredLimitsTests(ConfiguredLimitsTests.TightLimitsApp app) : IClassFixture<ConfiguredLimitsTests.TightLimitsApp>
{
    public sealed class TightLimitsApp : TrocAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Graph:Limits:MaxDocumentLength"] = "400",
            ["Graph:Limits:MaxDepth"] = "2",
            ["Graph:Limits:MaxComplexity"] = "30",
            ["Graph:Limits:ListSizeEstimate"] = "10",
            ["Graph:Limits:MaxAliases"] = "2",
            ["Graph:Limits:MaxFields"] = "5",
            ["Graph:Limits:MaxIntrospectionDepth"] = "1",
        };
    }

    [Theory]
    [InlineData("{ categories { children { children { id } } } }", LimitCodes.MaxDepthExceeded)]
    [InlineData("{ categories { id slug label } }", LimitCodes.MaxComplexityExceeded)]
    [InlineData("{ a: __typename b: __typename c: __typename }", LimitCodes.TooManyAliases)]
    [InlineData("{ __typename __typename __typename __typename __typename __typename }", LimitCodes.TooManyFields)]
    [InlineData("{ __type(name: \"Query\") { fields { type { fields { name } } } } }", LimitCodes.MaxIntrospectionDepthExceeded)]
    public async Task A_configured_limit_replaces_the_default(string document, string code)
    {
        var response = await ExecutorRunner.ExecuteAsync(app.Services, document);

        Assert.True(response.ErrorCodes().Contains(code), $"expected {code}, got: {response.ToJsonString()}");
    }

    [Fact]
    public async Task A_configured_document_length_replaces_the_default()
    {
        var response = await ExecutorRunner.ExecuteAsync(app.Services, "{ __typename }" + new string(' ', 400));

        Assert.Equal([LimitCodes.DocumentTooLong], response.ErrorCodes());
    }

    [Fact]
    public async Task Within_the_configured_limits_an_operation_runs()
    {
        // 1 + 10 × 2 = 21: within a complexity of 30 with lists estimated at 10.
        var response = await ExecutorRunner.ExecuteAsync(app.Services, "{ categories { id slug } }");

        Assert.Null(response["errors"]);
    }
}
