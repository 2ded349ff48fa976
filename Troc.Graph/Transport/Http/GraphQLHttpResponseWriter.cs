using GraphQL;
using Microsoft.Net.Http.Headers;
using Troc.Graph.Transport.Http.Errors;

namespace Troc.Graph.Transport.Http;

public sealed class GraphQLHttpResponseWriter(IGraphQLTextSerializer serializer)
{
    public Task WriteResultAsync(HttpContext context, ExecutionResult result, string mediaType) =>
        WriteAsync(context, GraphQLResponseStatus.For(result, mediaType), mediaType, result);

    /// <summary>A batch answers 200 as a whole; each result in the array carries its own errors.</summary>
    public Task WriteBatchAsync(HttpContext context, IReadOnlyList<ExecutionResult> results, string mediaType) =>
        WriteAsync(context, StatusCodes.Status200OK, mediaType, results);

    public Task WriteErrorAsync(HttpContext context, HttpTransportError error, string mediaType)
    {
        error.AddHeadersTo(context.Response.Headers);
        // Executed stays false, so the body has no "data" entry: nothing ran.
        return WriteAsync(context, error.StatusCode, mediaType, new ExecutionResult { Errors = [error] });
    }

    private Task WriteAsync<T>(HttpContext context, int statusCode, string mediaType, T body)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = $"{mediaType}; charset=utf-8";
        GraphQLResponseHeaders.Apply(response);
        // The same URL answers differently per Accept: caches must not serve one client's variant to another.
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        return serializer.WriteAsync(response.Body, body, context.RequestAborted);
    }
}
