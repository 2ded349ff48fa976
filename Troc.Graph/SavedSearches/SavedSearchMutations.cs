using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Troc.Domain.Common;
using Troc.Domain.Persistence;
using Troc.Domain.Places;
using Troc.Domain.SavedSearches;
using Troc.Domain.Search;
using Troc.Graph.Common;
using Troc.Graph.Search;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.SavedSearches;

/// <summary>Keeping, changing and dropping saved searches, and reading their matches.</summary>
public sealed class SavedSearchMutations
{
    [GraphQLMetadata("saveSearch")]
    [Description("Keeps a search under a name, to run again (`SavedSearch.results`) and, with `notify`, to be alerted of new listings that match it " +
        "(`savedSearchMatched`, `me.savedSearchMatches`). Takes exactly the arguments of `searchListings` and refuses exactly what it refuses, " +
        "as payload errors with the same codes (QUERY_TOO_LONG, INVALID_RADIUS, INVALID_COORDINATES, PLACE_NOT_FOUND, CATEGORY_NOT_FOUND, ITEM_TYPE_NOT_FOUND, TOO_MANY_ITEM_TYPES), " +
        "plus NAME_EMPTY, NAME_TOO_LONG and TOO_MANY_SAVED_SEARCHES (20 per member). Requires: a verified email address.")]
    [Authorize(Policies.EmailVerified)]
    [OutputType(typeof(NonNullGraphType<SaveSearchPayloadType>))]
    public static async Task<SaveSearchPayload> SaveSearch(
        [InputType(typeof(NonNullGraphType<SaveSearchInputType>)), Description("The search to keep.")] SaveSearchInput input,
        IResolveFieldContext context, [FromServices] SavedSearchService savedSearches, [FromServices] ListingSearch search,
        [FromServices] PlaceDirectory places, [FromServices] IDbContextFactory<TrocDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var ownerId = context.User.UserId()!.Value;
        // A bad name and a bad search are both reported, so that a form can show both at once.
        var violations = new List<Violation>();
        if (SavedSearch.CheckName(input.Name) is { } badName) violations.Add(badName);
        var (validated, error) = await ListingSearchArguments.BuildAsync(
            input.Query, input.Near, input.Where, order: null, ownerId, search, places, dbFactory, cancellationToken);
        if (error is not null) violations.Add(error.ToViolation());
        if (violations.Count > 0) return new SaveSearchPayload(null, SavedSearchErrors.From(violations));
        var definition = new SavedSearchDefinition
        {
            Criteria = validated!.Criteria,
            CategoryIds = validated.ChosenCategoryIds,
            PlaceCode = validated.PlaceCode,
        };
        var result = await savedSearches.SaveAsync(ownerId, input.Name, definition, input.Notify ?? true, cancellationToken);
        return new SaveSearchPayload(result.SavedSearch, SavedSearchErrors.From(result.Violations));
    }

    [GraphQLMetadata("updateSavedSearch")]
    [Description("Renames one of your saved searches and/or turns its alerts on or off. Requires: signed in, owner of the saved search.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<UpdateSavedSearchPayloadType>))]
    public static async Task<UpdateSavedSearchPayload> UpdateSavedSearch(
        [InputType(typeof(NonNullGraphType<UpdateSavedSearchInputType>)), Description("The saved search and the changes.")] UpdateSavedSearchInput input,
        IResolveFieldContext context, [FromServices] SavedSearchService savedSearches, CancellationToken cancellationToken)
    {
        if (!SavedSearchType.TryDecode(input.SavedSearchId, out var id))
            return new UpdateSavedSearchPayload(null, SavedSearchErrors.From([SavedSearchViolations.NotFound]));
        var result = await savedSearches.UpdateAsync(context.User.UserId()!.Value, id, input.Name, input.Notify, cancellationToken);
        return new UpdateSavedSearchPayload(result.SavedSearch, SavedSearchErrors.From(result.Violations));
    }

    [GraphQLMetadata("deleteSavedSearch")]
    [Description("Drops one of your saved searches and its matches. Someone else's id is SAVED_SEARCH_NOT_FOUND, like one that does not exist. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<DeleteSavedSearchPayloadType>))]
    public static async Task<DeleteSavedSearchPayload> DeleteSavedSearch(
        [InputType(typeof(NonNullGraphType<DeleteSavedSearchInputType>)), Description("The saved search to drop.")] DeleteSavedSearchInput input,
        IResolveFieldContext context, [FromServices] SavedSearchService savedSearches, CancellationToken cancellationToken)
    {
        if (!SavedSearchType.TryDecode(input.SavedSearchId, out var id))
            return new DeleteSavedSearchPayload(null, SavedSearchErrors.From([SavedSearchViolations.NotFound]));
        var result = await savedSearches.DeleteAsync(context.User.UserId()!.Value, id, cancellationToken);
        return new DeleteSavedSearchPayload(
            result.SavedSearch is null ? null : SavedSearchType.GlobalId(result.SavedSearch.Id), SavedSearchErrors.From(result.Violations));
    }

    [GraphQLMetadata("markSavedSearchMatchesRead")]
    [Description("Marks your saved-search matches read (all, one search's, and/or up to a match) and returns how many stay unread. Requires: signed in.")]
    [Authorize(Policies.SignedIn)]
    [OutputType(typeof(NonNullGraphType<MarkSavedSearchMatchesReadPayloadType>))]
    public static async Task<MarkSavedSearchMatchesReadPayload> MarkSavedSearchMatchesRead(
        [InputType(typeof(NonNullGraphType<MarkSavedSearchMatchesReadInputType>)), Description("Which matches.")] MarkSavedSearchMatchesReadInput input,
        IResolveFieldContext context, [FromServices] SavedSearchService savedSearches, CancellationToken cancellationToken)
    {
        Guid? savedSearchId = null;
        if (input.SavedSearchId is not null)
        {
            if (!SavedSearchType.TryDecode(input.SavedSearchId, out var id))
                return new MarkSavedSearchMatchesReadPayload(null, SavedSearchErrors.From([SavedSearchViolations.NotFound]));
            savedSearchId = id;
        }
        long? upTo = null;
        if (input.UpToMatchId is not null)
        {
            // An id that is no match's marks nothing rather than everything.
            upTo = SavedSearchMatchType.TryDecode(input.UpToMatchId, out var matchId) ? matchId : 0;
        }
        var (unread, violations) = await savedSearches.MarkReadAsync(context.User.UserId()!.Value, savedSearchId, upTo, cancellationToken);
        return violations.Count > 0
            ? new MarkSavedSearchMatchesReadPayload(null, SavedSearchErrors.From(violations))
            : new MarkSavedSearchMatchesReadPayload(unread);
    }
}
