using System.ComponentModel;
using Troc.Domain.Common;
using Troc.Domain.SavedSearches;
using Troc.Graph.Common;

namespace Troc.Graph.SavedSearches;

[Description("You have no saved search with this id (it never existed, was deleted, or is someone else's).")]
public sealed class SavedSearchNotFoundError(Violation violation) : UserError(ViolationKind.SavedSearchNotFound, violation.Message);

[Description("You already keep as many saved searches as allowed: delete one first.")]
public sealed class TooManySavedSearchesError(Violation violation) : UserError(ViolationKind.TooManySavedSearches, violation.Message)
{
    [Description("How many saved searches a member may keep.")]
    public int Limit => SavedSearch.MaxPerOwner;
}

/// <summary>The one place where the saved searches' violations (and the search arguments' they share) become the API's typed errors.</summary>
internal static class SavedSearchErrors
{
    public static IReadOnlyList<UserError> From(IEnumerable<Violation> violations) => violations.Select(From).ToList();

    public static UserError From(Violation violation) => violation.Kind switch
    {
        ViolationKind.SavedSearchNotFound => new SavedSearchNotFoundError(violation),
        ViolationKind.TooManySavedSearches => new TooManySavedSearchesError(violation),
        _ => new InvalidInputError(violation),
    };
}
