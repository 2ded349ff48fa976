using GraphQL;
using GraphQL.Transport;

namespace Troc.Graph.Transport.Http;

/// <summary>Serves GraphQL over HTTP at /graphql (POST application/json).</summary>
public sealed class GraphQLHttpMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, GraphQLRequestExecutor executor, IGraphQLTextSerializer serializer)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            return;
        }
        var request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
        if (request is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var result = await executor.ExecuteAsync(request, context.User, context.RequestServices, context.RequestAborted);
        context.Response.ContentType = "application/graphql-response+json; charset=utf-8";
        context.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
