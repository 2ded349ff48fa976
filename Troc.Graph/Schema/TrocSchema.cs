using Microsoft.Extensions.DependencyInjection;

namespace Troc.Graph.Schema;

/// <summary>The one Troc schema: every feature's queries, mutations and subscriptions.</summary>
public sealed class TrocSchema : GraphQL.Types.Schema
{
    public TrocSchema(IServiceProvider services) : base(services)
    {
        this.RegisterTrocScalars();
        Description = "Troc — swap things, no money. Listings, geo search, swap matches, chat and trades.";
        Query = services.GetRequiredService<QueryType>();
    }
}

public static class TrocSchemaScalars
{
    /// <summary>CLR types that type-first resolvers take or return, mapped to Troc's own scalars.</summary>
    public static void RegisterTrocScalars(this GraphQL.Types.ISchema schema)
    {
        // A type-first resolver taking an IFormFile argument gets an `Upload` (it is only in the schema once one does).
        schema.RegisterTypeMapping(typeof(IFormFile), typeof(UploadGraphType));
    }
}
