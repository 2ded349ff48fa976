using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Domain.Listings;
using Troc.Domain.SavedSearches;
using Troc.Graph.Common;

namespace Troc.Graph.SavedSearches;

[Description("You have no saved search with this id (it never existed, was deleted, or is someone else's).")]
public sealed class SavedSearchNotFoundError(string message) : UserError("SAVED_SEARCH_NOT_FOUND", message);

[Description("You already keep as many saved searches as allowed: delete one first.")]
public sealed class TooManySavedSearchesError(string message) : UserError("TOO_MANY_SAVED_SEARCHES", message)
{
    [Description("How many saved searches a member may keep.")]
    public int Limit => SavedSearch.MaxPerOwner;
}

internal static class SavedSearchErrors
{
    public static IReadOnlyList<UserError> From(IEnumerable<RuleViolation> violations) =>
        violations.Select(violation => violation switch
        {
            { Code: "SAVED_SEARCH_NOT_FOUND" } => new SavedSearchNotFoundError(violation.Message),
            { Code: "TOO_MANY_SAVED_SEARCHES" } => new TooManySavedSearchesError(violation.Message),
            _ => (UserError)new InvalidInputError(violation.Field, violation.Message, violation.Code),
        }).ToList();
}

public abstract class SavedSearchPayload(SavedSearch? savedSearch, IReadOnlyList<UserError>? errors) : Payload(errors)
{
    [Description("The saved search after the change; null when the mutation failed.")]
    [OutputType(typeof(SavedSearchType))]
    public SavedSearch? SavedSearch { get; } = savedSearch;
}

public sealed class SaveSearchPayload(SavedSearch? savedSearch, IReadOnlyList<UserError>? errors = null) : SavedSearchPayload(savedSearch, errors);

public sealed class SaveSearchPayloadType()
    : PayloadType<SaveSearchPayload>("Result of `saveSearch`.", typeof(InvalidInputError), typeof(TooManySavedSearchesError));

public sealed class UpdateSavedSearchPayload(SavedSearch? savedSearch, IReadOnlyList<UserError>? errors = null) : SavedSearchPayload(savedSearch, errors);

public sealed class UpdateSavedSearchPayloadType()
    : PayloadType<UpdateSavedSearchPayload>("Result of `updateSavedSearch`.", typeof(InvalidInputError), typeof(SavedSearchNotFoundError));

public sealed class DeleteSavedSearchPayload(string? deletedSavedSearchId, IReadOnlyList<UserError>? errors = null) : Payload(errors)
{
    [Description("The id of the saved search that was deleted (for a client cache to evict); null when nothing was.")]
    [OutputType(typeof(IdGraphType))]
    public string? DeletedSavedSearchId { get; } = deletedSavedSearchId;
}

public sealed class DeleteSavedSearchPayloadType()
    : PayloadType<DeleteSavedSearchPayload>("Result of `deleteSavedSearch`.", typeof(SavedSearchNotFoundError));

public sealed class MarkSavedSearchMatchesReadPayload(int? unreadCount, IReadOnlyList<UserError>? errors = null) : Payload(errors)
{
    [Description("How many of your matches are still unread, all searches together (the badge); null when the mutation failed.")]
    public int? UnreadCount { get; } = unreadCount;
}

public sealed class MarkSavedSearchMatchesReadPayloadType()
    : PayloadType<MarkSavedSearchMatchesReadPayload>("Result of `markSavedSearchMatchesRead`.", typeof(SavedSearchNotFoundError));
