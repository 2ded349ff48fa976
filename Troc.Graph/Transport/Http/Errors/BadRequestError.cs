namespace Troc.Graph.Transport.Http.Errors;

/// <summary>A request that is not a well-formed GraphQL-over-HTTP request (body, parameters or batch).</summary>
public class BadRequestError(string message) : HttpTransportError("BAD_REQUEST", message)
{
    public override int StatusCode => StatusCodes.Status400BadRequest;
}
