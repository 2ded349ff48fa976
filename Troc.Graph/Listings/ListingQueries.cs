using System.ComponentModel;
using GraphQL;
using GraphQL.DataLoader;
using Troc.Domain.Listings;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.Listings;

public sealed class ListingQueries
{
    [GraphQLMetadata("listing")]
    [Description("One listing by global id; null when none has it, or when it is archived and not yours.")]
    [OutputType(typeof(ListingType))]
    public static IDataLoaderResult<Listing?>? Listing(
        [Id, Description("The listing's global id, as returned in `Listing.id`.")] string id,
        IResolveFieldContext context, [FromServices] ListingById listings) =>
        GlobalId.TryDecodeGuid(id, ListingType.TypeName, out var key)
            ? listings.Load(key).Then(listing => listing is not null && ListingService.IsVisibleTo(listing, context.User.UserId()) ? listing : null)
            : null;
}
