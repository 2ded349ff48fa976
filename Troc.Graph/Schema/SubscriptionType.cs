using GraphQL.Types;
using Troc.Graph.Listings;
using Troc.Graph.SavedSearches;

namespace Troc.Graph.Schema;

public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "Live updates over the WebSocket at /graphql (sub-protocol graphql-transport-ws).";
        this.AddFieldsOf<ListingSubscriptions>();
        this.AddFieldsOf<SavedSearchSubscriptions>();
    }
}
