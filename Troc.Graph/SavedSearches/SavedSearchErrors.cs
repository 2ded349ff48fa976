using System.ComponentModel;
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
