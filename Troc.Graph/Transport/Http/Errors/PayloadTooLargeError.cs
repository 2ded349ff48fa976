namespace Troc.Graph.Transport.Http.Errors;

public sealed class PayloadTooLargeError(long maxRequestBytes) : HttpTransportError(
    "PAYLOAD_TOO_LARGE",
    $"The request body exceeds the limit of {maxRequestBytes} bytes.")
{
    public override int StatusCode => StatusCodes.Status413PayloadTooLarge;
}
