using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Troc.Graph.Transport.Execution;

namespace Troc.Tests.Transport.Execution;

/// <summary>
/// Outside Development (tests run as "Testing") an unexpected exception reaches the client as a bare
/// `Internal server error`, and the server's log as the whole exception with its stack.
/// </summary>
public sealed class UnhandledExceptionTests(ObservedApp app) : IClassFixture<ObservedApp>
{
    [Fact]
    public async Task The_client_gets_internal_server_error_and_nothing_of_the_exception()
    {
        var response = await app.CreateGraphQLClient().PostAsync("query Faulty { failingField categories { slug } }");

        Assert.Equal(200, response.StatusCode);
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal("Internal server error", error["message"]!.GetValue<string>());
        Assert.Equal(OperationLog.InternalServerErrorCode, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("failingField", error["path"]![0]!.GetValue<string>());
        Assert.DoesNotContain("hunter2", response.Body);
        Assert.DoesNotContain("InvalidOperation", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", response.Body);
        // The rest of the operation still answers.
        Assert.IsType<JsonArray>(response.Data!["categories"]);
    }

    [Fact]
    public async Task The_server_logs_the_exception_with_its_stack()
    {
        await app.CreateGraphQLClient().PostAsync("query LoggedStack { failingField }");

        var entry = Assert.Single(app.Logs.Entries, e => e.EventId.Name == "GraphQLUnexpectedFault"
            && Equals(e.Properties.GetValueOrDefault("OperationName"), "LoggedStack"));
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("failingField", entry.Properties["FieldPath"]);
        var exception = Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains("hunter2", exception.Message);
        Assert.NotNull(exception.StackTrace);
    }
}
