using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;
using Troc.Domain.Users;
using Troc.Graph.Common;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.Listings;

/// <summary>`User.listings` and `User.favorites`: a member's listings as others and they themself see them.</summary>
public static class UserListingFields
{
    public static void AddTo(ObjectGraphType<User> userType)
    {
        userType.Field<NonNullGraphType<ConnectionType<ListingType, Listing>>>("listings")
            .Description("The member's listings, newest first. Others see those on offer, reserved or traded; the member also sees their archived ones.")
            .Argument<ListingStatusType>("status", "Only listings in this status.")
            .PagingArguments()
            .ResolveAsync(async context =>
            {
                var owner = context.Source;
                var isOwner = context.User.UserId() == owner.Id;
                var status = context.GetArgument<ListingStatus?>("status");
                var page = PageRequest.From(context);
                await using var db = await DbFactory(context).CreateDbContextAsync(context.CancellationToken);
                var query = db.Listings.AsNoTracking().Where(l => l.OwnerId == owner.Id);
                if (!isOwner) query = query.Where(l => l.Status != ListingStatus.Archived);
                if (status is not null) query = query.Where(l => l.Status == status);
                var ids = await query.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
                    .Select(l => l.Id).ToListAsync(context.CancellationToken);
                return await PageOfListingsAsync(context, page, ids);
            });

        userType.Field<ConnectionType<ListingType, Listing>>("favorites")
            .Description("Listings the member keeps in their favourites, most recently added first.")
            .PagingArguments()
            .ResolveAsync(async context =>
            {
                var user = context.Source;
                var page = PageRequest.From(context);
                await using var db = await DbFactory(context).CreateDbContextAsync(context.CancellationToken);
                var ids = await db.ListingFavorites.AsNoTracking()
                    .Where(f => f.UserId == user.Id)
                    .Join(db.Listings, f => f.ListingId, l => l.Id, (f, l) => new { f.CreatedAt, l.Id, l.Status, l.OwnerId })
                    .Where(x => x.Status != ListingStatus.Archived || x.OwnerId == user.Id)
                    .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
                    .Select(x => x.Id).ToListAsync(context.CancellationToken);
                return (object?)await PageOfListingsAsync(context, page, ids);
            })
            .OwnerOnly(user => user.Id);
    }

    private static IDbContextFactory<TrocDbContext> DbFactory(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<TrocDbContext>>();

    /// <summary>Pages over ordered ids (a member's lists stay small), then loads just that page through the batch loader.</summary>
    private static Task<Connection<Listing>> PageOfListingsAsync(IResolveFieldContext context, PageRequest page, List<Guid> orderedIds) =>
        page.SliceAndLoadAsync(orderedIds, Cursor, context.RequestServices!.GetRequiredService<ListingById>(), context.CancellationToken);

    private static string Cursor(Guid id) => GlobalId.Encode("ListingCursor", id.ToString("N"));
}
