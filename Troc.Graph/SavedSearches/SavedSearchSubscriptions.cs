using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Graph.Realtime;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.SavedSearches;

public static class SavedSearchEvents
{
    /// <summary>One topic per member: a match is only ever sent where its saved search's owner listens.</summary>
    public static string Topic(Guid ownerId) => $"saved-search-matches:{ownerId:N}";
}

public sealed class SavedSearchSubscriptions
{
    [GraphQLMetadata("savedSearchMatched")]
    [Description("Pushes each new listing that matches one of your saved searches with `notify` on, when it goes on offer (published or put back " +
        "online), once per search and listing. Matches are computed in the background and kept: what arrives while you are away is in " +
        "`me.savedSearchMatches`. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<SavedSearchMatchType>))]
    public static ValueTask<IObservable<SavedSearchMatched>> SavedSearchMatched(
        IResolveFieldContext context, [FromServices] ITopicEventReceiver receiver, CancellationToken cancellationToken) =>
        receiver.SubscribeAsync<SavedSearchMatched>(SavedSearchEvents.Topic(context.User.UserId()!.Value), cancellationToken);
}
