using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;
using Troc.Graph.Realtime;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.Listings;

/// <summary>What travels on the bus when a listing changes: its id only; each subscriber reloads what it may see.</summary>
public sealed record ListingChanged(Guid ListingId);

public static class ListingEvents
{
    public static string Topic(Guid listingId) => $"listing:{listingId:N}";

    /// <summary>
    /// Tells every replica's subscribers. The change is already committed, so a bus outage is logged, not
    /// surfaced: subscribers refetch the listing when they reconnect.
    /// </summary>
    public static async Task PublishAsync(IServiceProvider services, Listing listing, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<ITopicEventSender>().SendAsync(Topic(listing.Id), new ListingChanged(listing.Id), cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ListingEvents))
                .LogWarning(failure, "Could not publish the change of listing {ListingId}", listing.Id);
        }
    }
}

public sealed class ListingSubscriptions
{
    [GraphQLMetadata("listingUpdated")]
    [Description("Pushes a listing each time it changes (status above all: someone looking at it sees it become reserved). Ends nothing by itself; unsubscribe when done. A listing you may not see (another member's archived listing) is refused with LISTING_NOT_FOUND, as `listing(id)` answers null for it.")]
    [OutputType(typeof(NonNullGraphType<ListingUpdatedEventType>))]
    public static async ValueTask<IObservable<ListingChanged>> ListingUpdated(
        [Id, Description("The listing to follow, as returned in `Listing.id`.")] string id,
        IResolveFieldContext context,
        [FromServices] ListingById listings,
        [FromServices] ITopicEventReceiver receiver,
        CancellationToken cancellationToken)
    {
        // Checked once, when subscribing; each event is checked again as it is resolved (`listing` turns null).
        if (!GlobalId.TryDecodeGuid(id, ListingType.TypeName, out var listingId)
            || await listings.Load(listingId).GetResultAsync(cancellationToken) is not { } listing
            || !ListingService.IsVisibleTo(listing, context.User.UserId()))
            throw new ExecutionError("No listing you may follow has this id.") { Code = ViolationKind.ListingNotFound.Code() };
        return await receiver.SubscribeAsync<ListingChanged>(ListingEvents.Topic(listingId), cancellationToken);
    }
}

public sealed class ListingUpdatedEventType : ObjectGraphType<ListingChanged>
{
    public ListingUpdatedEventType()
    {
        Name = "ListingUpdatedEvent";
        Description = "A listing changed.";
        Field<NonNullGraphType<IdGraphType>>("listingId")
            .Description("The listing that changed.")
            .Resolve(context => ListingType.GlobalId(context.Source.ListingId));
        Field<ListingType>("listing")
            .Description("The listing as it now stands; null when you may no longer see it (archived by its owner).")
            .Resolve(context => context.RequestServices!.GetRequiredService<ListingById>().Load(context.Source.ListingId)
                .Then(listing => listing is not null && ListingService.IsVisibleTo(listing, context.User.UserId()) ? listing : null));
    }
}
