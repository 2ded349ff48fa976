using Troc.Graph.Common;

namespace Troc.Graph.Schema;

/// <summary>The one Troc schema: every feature's queries, mutations and subscriptions.</summary>
public sealed class TrocSchema : GraphQL.Types.Schema
{
    public TrocSchema(IServiceProvider services) : base(services)
    {
        this.RegisterTrocTypeMappings();
        Description = "Troc — swap things, no money. Listings, geo search, swap matches, chat and trades.";
        Query = services.GetRequiredService<QueryType>();
        Mutation = services.GetRequiredService<MutationType>();
        Subscription = services.GetRequiredService<SubscriptionType>();
    }
}

public static class TrocSchemaTypeMappings
{
    /// <summary>
    /// CLR types that type-first resolvers take or return, mapped to Troc's graph types. A mapped type is only in the
    /// schema once some field uses it.
    /// </summary>
    public static void RegisterTrocTypeMappings(this GraphQL.Types.ISchema schema)
    {
        // An IFormFile argument is an `Upload`; a StoredImage property or result is an `Image`.
        schema.RegisterTypeMapping(typeof(IFormFile), typeof(UploadGraphType));
        schema.RegisterTypeMapping(typeof(Troc.Domain.Media.StoredImage), typeof(Troc.Graph.Media.ImageType));
        schema.RegisterTypeMapping(typeof(Troc.Domain.Media.ImageSize), typeof(Troc.Graph.Media.ImageSizeType));
    }
}
