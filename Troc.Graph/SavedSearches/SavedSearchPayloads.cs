using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Domain.SavedSearches;
using Troc.Graph.Common;

namespace Troc.Graph.SavedSearches;

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
