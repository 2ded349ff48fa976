namespace Troc.Graph.Transport.WebSockets;

/// <summary>
/// Names of the <c>graphql-transport-ws</c> sub-protocol, as the graphql-ws package's PROTOCOL.md defines them.
/// </summary>
public static class TransportWsProtocol
{
    public const string SubProtocol = "graphql-transport-ws";

    public static class MessageTypes
    {
        public const string ConnectionInit = "connection_init";
        public const string ConnectionAck = "connection_ack";
        public const string Ping = "ping";
        public const string Pong = "pong";
        public const string Subscribe = "subscribe";
        public const string Next = "next";
        public const string Error = "error";
        public const string Complete = "complete";
    }
}

/// <summary>A reason to close the socket: a WebSocket close code and its human-readable reason.</summary>
public readonly record struct SocketClosure(int Code, string Reason)
{
    // Clients (graphql-ws among them) treat these codes and reasons as the contract, so they live in one place.
    public static SocketClosure BadRequest(string reason) => new(4400, reason);
    public static readonly SocketClosure Unauthorized = new(4401, "Unauthorized");
    public static readonly SocketClosure Forbidden = new(4403, "Forbidden");
    public static readonly SocketClosure SubprotocolNotAcceptable = new(4406, "Subprotocol not acceptable");
    public static readonly SocketClosure ConnectionInitialisationTimeout = new(4408, "Connection initialisation timeout");
    public static SocketClosure SubscriberAlreadyExists(string id) => new(4409, $"Subscriber for {id} already exists");
    public static readonly SocketClosure TooManyInitialisationRequests = new(4429, "Too many initialisation requests");
    // Troc's own uses of PROTOCOL.md's codes: 4403 makes graphql-ws reconnect (with fresh credentials from its
    // connectionParams); 4429 makes it give up rather than retry into the same limit.
    public static readonly SocketClosure AccessTokenExpired = new(4403, "Forbidden: the access token has expired");
    public static readonly SocketClosure TooManySocketsFromAddress = new(4429, "Too many connections from this address");
    public static readonly SocketClosure TooManySocketsForMember = new(4429, "Too many connections for this account");
    public static readonly SocketClosure InternalServerError = new(4500, "Internal server error");
    public static readonly SocketClosure MessageTooBig = new(1009, "Message too big");
    public static readonly SocketClosure NormalClosure = new(1000, "Normal closure");
}
