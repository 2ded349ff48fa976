using System.Security.Claims;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using Troc.Graph.Transport;

namespace Troc.Tests.Transport.Execution;

/// <summary>
/// Runs an operation through <see cref="GraphQLRequestExecutor"/> directly, below any transport (so without the HTTP
/// body limit), and returns the response as a client would receive it.
/// </summary>
public static class ExecutorRunner
{
    public static async Task<JsonObject> ExecuteAsync(IServiceProvider services, string query, Inputs? variables = null, string? operationName = null)
    {
        await using var scope = services.CreateAsyncScope();
        var executor = scope.ServiceProvider.GetRequiredService<GraphQLRequestExecutor>();
        var request = new GraphQLRequest { Query = query, Variables = variables, OperationName = operationName };
        var result = await executor.ExecuteAsync(request, new ClaimsPrincipal(new ClaimsIdentity()), scope.ServiceProvider, CancellationToken.None);
        var serializer = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>();
        return JsonNode.Parse(serializer.Serialize(result))!.AsObject();
    }

    public static IReadOnlyList<string> ErrorCodes(this JsonObject response) =>
        response["errors"]?.AsArray().Select(error => error!["extensions"]?["code"]?.GetValue<string>() ?? "(none)").ToArray() ?? [];
}
