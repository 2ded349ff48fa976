using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace Troc.Graph.Transport;

/// <summary>
/// The one way both transports (HTTP and WebSocket) run an operation, so limits, caching, authorization and
/// logging apply the same everywhere.
/// </summary>
public sealed class GraphQLRequestExecutor(IDocumentExecuter<ISchema> executer)
{
    public Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        ClaimsPrincipal user,
        IServiceProvider requestServices,
        CancellationToken cancellationToken) =>
        executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = user,
            RequestServices = requestServices,
            CancellationToken = cancellationToken,
        });
}
