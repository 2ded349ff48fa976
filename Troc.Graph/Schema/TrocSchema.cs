using Microsoft.Extensions.DependencyInjection;

namespace Troc.Graph.Schema;

/// <summary>The one Troc schema: every feature's queries, mutations and subscriptions.</summary>
public sealed class TrocSchema : GraphQL.Types.Schema
{
    public TrocSchema(IServiceProvider services) : base(services)
    {
        Description = "Troc — swap things, no money. Listings, geo search, swap matches, chat and trades.";
        Query = services.GetRequiredService<QueryType>();
        Mutation = services.GetRequiredService<MutationType>();
        Subscription = services.GetRequiredService<SubscriptionType>();
    }
}
