using GraphQL;
using GraphQL.Execution;
using Troc.Graph.Transport.Execution;

namespace Troc.Graph.Transport.Http;

/// <summary>The status code of a GraphQL response, by the rules of the media type it is sent as.</summary>
public static class GraphQLResponseStatus
{
    public static int For(ExecutionResult result, string mediaType)
    {
        // A fault before execution is the server's, not the request's: do not blame the client with a 4xx.
        if (!result.Executed && result.Errors?.Any(error => error is UnhandledError) == true)
            return StatusCodes.Status500InternalServerError;
        // Stopped at its deadline: the server could not answer in time, which a retry later may change.
        if (!result.Executed && result.Errors?.Any(error => error is ExecutionTimeoutError) == true && mediaType != GraphQLMediaTypes.Json)
            return StatusCodes.Status503ServiceUnavailable;
        // application/json: legacy clients only read the body, so every well-formed request gets 200.
        if (mediaType == GraphQLMediaTypes.Json)
            return StatusCodes.Status200OK;
        // application/graphql-response+json: no data entry (parse, validation or variable errors) means a request error.
        return result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
    }
}
