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

    /// <summary>
    /// Operations (subscriptions, queries, mutations) one socket may have running at once; a <c>subscribe</c> past it
    /// gets an <c>error</c> with code <c>TOO_MANY_OPERATIONS</c> and the socket stays open. A page of the web app
    /// holds a handful; every one keeps a bus subscription and a DI scope alive for as long as it runs.
    /// </summary>
    public int MaxOperationsPerSocket { get; set; } = 100;

    /// <summary>
    /// Sockets one client address may hold open on one replica; past it a new socket is closed with 4429 at once.
    /// One per browser tab: a household or an office behind one address stays far below it, while one machine can no
    /// longer hold hundreds. Raise it if many members share one address (carrier-grade NAT).
    /// </summary>
    public int MaxSocketsPerAddress { get; set; } = 20;

    /// <summary>
    /// Acknowledged sockets one member may hold open on one replica; past it <c>connection_init</c> is answered by
    /// closing with 4429. One per open tab and device.
    /// </summary>
    public int MaxSocketsPerMember { get; set; } = 10;
}
