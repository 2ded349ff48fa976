namespace Troc.Graph.Transport.Http.Errors;

public sealed class UnsupportedMediaTypeError(string message) : HttpTransportError("UNSUPPORTED_MEDIA_TYPE", message)
{
    public override int StatusCode => StatusCodes.Status415UnsupportedMediaType;
}
