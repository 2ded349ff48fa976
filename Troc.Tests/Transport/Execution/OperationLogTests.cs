using Microsoft.Extensions.Logging;
using Troc.Graph.Transport;
using Troc.Graph.Transport.Execution;

namespace Troc.Tests.Transport.Execution;

/// <summary>One structured log entry per operation: name, type, duration, errors; never the variables.</summary>
public sealed class OperationLogTests(ObservedApp app) : IClassFixture<ObservedApp>
{
    [Fact]
    public async Task A_successful_operation_logs_one_information_entry_with_structured_properties()
    {
        const string password = "correct horse battery staple";
        var response = await app.CreateGraphQLClient().PostAsync(
            "query LoggedCategory($slug: String!, $password: String!) { category(slug: $slug) { slug } other: category(slug: $password) { slug } }",
            new { slug = "maison-ameublement", password });
        response.EnsureNoErrors();

        var entry = Assert.Single(OperationEntries("LoggedCategory"));
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal(typeof(GraphQLRequestExecutor).FullName, entry.Category);
        Assert.Equal("query", entry.Properties["OperationType"]);
        Assert.IsType<double>(entry.Properties["DurationMs"]);
        Assert.InRange((double)entry.Properties["DurationMs"]!, 0, 60_000);
        Assert.Equal(0, entry.Properties["ErrorCount"]);
        Assert.Empty((string[])entry.Properties["ErrorCodes"]!);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(password)
            || e.Properties.Values.Any(value => value?.ToString()?.Contains(password) == true));
    }

    [Fact]
    public async Task A_refused_operation_logs_its_error_count_and_codes()
    {
        await app.CreateGraphQLClient().PostAsync("query TooNested " + Queries.NestedParents(20));

        var entry = Assert.Single(OperationEntries("TooNested"));
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("query", entry.Properties["OperationType"]);
        Assert.Equal(1, entry.Properties["ErrorCount"]);
        Assert.Equal([LimitCodes.MaxDepthExceeded], (string[])entry.Properties["ErrorCodes"]!);
        Assert.Contains("TooNested", entry.Message);
    }

    [Fact]
    public async Task An_unexpected_fault_raises_the_entry_to_warning()
    {
        await app.CreateGraphQLClient().PostAsync("query LoggedFault { failingField }");

        var entry = Assert.Single(OperationEntries("LoggedFault"));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal([OperationLog.InternalServerErrorCode], (string[])entry.Properties["ErrorCodes"]!);
    }

    private IEnumerable<CapturedLogEntry> OperationEntries(string operationName) =>
        app.Logs.Entries.Where(e => e.EventId.Name == "GraphQLOperationCompleted"
            && Equals(e.Properties.GetValueOrDefault("OperationName"), operationName));
}
