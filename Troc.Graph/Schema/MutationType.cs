using GraphQL.Types;
using Troc.Graph.Accounts;
using Troc.Graph.Listings;
using Troc.Graph.Moderation;
using Troc.Graph.SavedSearches;

namespace Troc.Graph.Schema;

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Everything a client can change. Each mutation takes one `input` and returns a payload whose `errors` lists expected failures with a `code`.";
        this.AddFieldsOf<AccountMutations>();
        this.AddFieldsOf<ListingMutations>();
        this.AddFieldsOf<BlockMutations>();
        this.AddFieldsOf<SavedSearchMutations>();
    }
}
