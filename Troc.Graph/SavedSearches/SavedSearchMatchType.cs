using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Domain.SavedSearches;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;
using Troc.Graph.Listings;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.SavedSearches;

/// <summary>What a match is, stored or live: ids and instants only; the rest is reloaded for whoever reads it.</summary>
public sealed record SavedSearchMatched(long MatchId, Guid SavedSearchId, Guid OwnerId, Guid ListingId, DateTime CreatedAt, DateTime? ReadAt)
{
    public static SavedSearchMatched From(SavedSearchAlert alert) =>
        new(alert.Id, alert.SavedSearchId, alert.OwnerId, alert.ListingId, alert.CreatedAt, alert.ReadAt);

    public static SavedSearchMatched From(RaisedAlert alert) =>
        new(alert.AlertId, alert.SavedSearchId, alert.OwnerId, alert.ListingId, alert.CreatedAt, null);
}

public sealed class SavedSearchMatchType : ObjectGraphType<SavedSearchMatched>
{
    public const string TypeName = "SavedSearchMatch";

    public SavedSearchMatchType()
    {
        Name = TypeName;
        Description = "A listing that matched one of your saved searches when it went on offer. Raised once per search and listing.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Globally unique, opaque identifier of this match; pass the newest you showed as `markSavedSearchMatchesRead(upToMatchId)`.")
            .Resolve(context => GlobalId.Encode(TypeName, context.Source.MatchId.ToString(CultureInfo.InvariantCulture)));
        Field<NonNullGraphType<SavedSearchType>>("savedSearch")
            .Description("The saved search it matched.")
            .Resolve(context =>
            {
                var viewer = context.User.UserId();
                return context.RequestServices!.GetRequiredService<SavedSearchById>().Load(context.Source.SavedSearchId)
                    .Then(search => search is not null && search.OwnerId == viewer
                        ? search
                        : throw new ExecutionError("This saved search no longer exists.") { Code = ViolationKind.SavedSearchNotFound.Code() });
            });
        Field<ListingType>("listing")
            .Description("The listing as it now stands; null when you may no longer see it (archived by its owner).")
            .Resolve(context => context.RequestServices!.GetRequiredService<ListingById>().Load(context.Source.ListingId)
                .Then(listing => listing is not null && ListingService.IsVisibleTo(listing, context.User.UserId()) ? listing : null));
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt")
            .Description("When the match was found (UTC).")
            .Resolve(context => context.Source.CreatedAt);
        Field<DateTimeGraphType>("readAt")
            .Description("When you marked it read (UTC); null while unread.")
            .Resolve(context => context.Source.ReadAt);
    }

    public static bool TryDecode(string? id, out long key)
    {
        key = 0;
        return GlobalId.TryDecode(id, TypeName, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out key);
    }
}
