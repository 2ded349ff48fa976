using GraphQL;

namespace Troc.Graph.Transport.Http.Errors;

/// <summary>
/// A request the HTTP transport refuses before any GraphQL runs. Each kind carries its own status code and
/// <c>extensions.code</c>, so a client can tell a bad body from a bad header without reading the message.
/// </summary>
public abstract class HttpTransportError : ExecutionError
{
    protected HttpTransportError(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public abstract int StatusCode { get; }

    /// <summary>Headers that tell the client how to retry correctly (Allow, Accept…).</summary>
    public virtual void AddHeadersTo(IHeaderDictionary headers) { }
}
