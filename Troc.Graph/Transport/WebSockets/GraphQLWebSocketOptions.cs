namespace Troc.Graph.Transport.WebSockets;

/// <summary>Settings of the GraphQL WebSocket transport, bound from <c>Graph:WebSockets</c>.</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string Section = "Graph:WebSockets";

    /// <summary>
    /// How long a client has, once the socket is open, to send <c>connection_init</c> before it is closed with
    /// 4408. Stops idle sockets from holding server resources without ever identifying themselves.
    /// </summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When set, the server sends a protocol <c>ping</c> at this interval, which keeps proxies that drop idle
    /// connections from cutting long quiet subscriptions. Off by default: the graphql-ws client pings on its own.
    /// </summary>
    public TimeSpan? KeepAliveInterval { get; set; }

    /// <summary>
    /// The largest message a client may send, in bytes; a larger one closes the socket with 1009 (Message Too Big)
    /// instead of being buffered without bound.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// After the server sends a close frame, how long the client has to answer with its own before the socket is
    /// aborted, so that a silent client cannot keep a closing connection (and its request) alive.
    /// </summary>
    public TimeSpan CloseHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
