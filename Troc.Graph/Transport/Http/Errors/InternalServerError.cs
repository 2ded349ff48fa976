namespace Troc.Graph.Transport.Http.Errors;

/// <summary>
/// An unexpected fault in the transport. Its message never names the cause: the exception is attached only when
/// Graph:Errors:ExposeExceptionDetails is on, and the error info provider then shows its details.
/// </summary>
public sealed class InternalServerError(Exception? exposedException) : HttpTransportError(
    "INTERNAL_SERVER_ERROR",
    "Internal server error",
    exposedException)
{
    public override int StatusCode => StatusCodes.Status500InternalServerError;
}
