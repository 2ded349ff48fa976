using GraphQL;

namespace Troc.Graph.Transport.Http.Errors;

/// <summary>
/// A GraphQL request error rather than an HTTP one: the request is well formed, only the operation needs a
/// long-lived connection. Its status therefore follows the negotiated media type like any validation error.
/// </summary>
public sealed class SubscriptionOverHttpError : ExecutionError
{
    public SubscriptionOverHttpError()
        : base("Subscriptions are not served over HTTP: subscribe over the WebSocket (sub-protocol graphql-transport-ws).")
    {
        Code = "SUBSCRIPTION_REQUIRES_WEBSOCKET";
    }
}
