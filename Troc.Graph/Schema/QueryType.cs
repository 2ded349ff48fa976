using GraphQL.Types;
using Troc.Graph.Catalogue;
using Troc.Graph.Categories;
using Troc.Graph.Listings;
using Troc.Graph.Places;
using Troc.Graph.Search;
using Troc.Graph.Users;

namespace Troc.Graph.Schema;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Everything a client can read: the catalogue, listings, search, matches, conversations and profiles.";
        this.AddFieldsOf<NodeQueries>();
        this.AddFieldsOf<CategoryQueries>();
        this.AddFieldsOf<ItemTypeQueries>();
        this.AddFieldsOf<UserQueries>();
        this.AddFieldsOf<ListingQueries>();
        this.AddFieldsOf<PlaceQueries>();
        this.AddFieldsOf<SearchQueries>();
    }
}
