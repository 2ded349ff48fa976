using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Troc.Graph.Search;

namespace Troc.Graph.SavedSearches;

public sealed class SaveSearchInput
{
    [Description("A name to find it by, 1–60 characters, such as « Vélos autour de Lyon ».")]
    public string Name { get; set; } = "";

    [Description("Free text, exactly as `searchListings(query)`: at most 200 characters; omit for none.")]
    public string? Query { get; set; }

    [InputType(typeof(NearInputType)), Description("A circle, exactly as `searchListings(near)`; omit to search everywhere.")]
    public NearInput? Near { get; set; }

    [InputType(typeof(ListingFilterInputType)), Description("Filters, exactly as `searchListings(where)`.")]
    public ListingFilterInput? Where { get; set; }

    [Description("True (the default when omitted) to be alerted of new listings that match: stored in `me.savedSearchMatches` and pushed by `savedSearchMatched`.")]
    public bool? Notify { get; set; }
}

public sealed class SaveSearchInputType : AutoRegisteringInputObjectGraphType<SaveSearchInput>
{
    public SaveSearchInputType()
    {
        Name = "SaveSearchInput";
        Description = "A search to keep: its name, the arguments of `searchListings`, and whether to be alerted.";
    }
}

public sealed class UpdateSavedSearchInput
{
    [Id, Description("The saved search, as returned in `SavedSearch.id`.")]
    public string SavedSearchId { get; set; } = "";

    [Description("A new name, 1–60 characters; omit to keep it.")]
    public string? Name { get; set; }

    [Description("Turns alerts on or off; omit to keep the setting.")]
    public bool? Notify { get; set; }
}

public sealed class UpdateSavedSearchInputType : AutoRegisteringInputObjectGraphType<UpdateSavedSearchInput>
{
    public UpdateSavedSearchInputType()
    {
        Name = "UpdateSavedSearchInput";
        Description = "What to change about one of your saved searches (its search itself is fixed: save a new one instead).";
    }
}

public sealed class DeleteSavedSearchInput
{
    [Id, Description("The saved search, as returned in `SavedSearch.id`.")]
    public string SavedSearchId { get; set; } = "";
}

public sealed class DeleteSavedSearchInputType : AutoRegisteringInputObjectGraphType<DeleteSavedSearchInput>
{
    public DeleteSavedSearchInputType()
    {
        Name = "DeleteSavedSearchInput";
        Description = "The saved search to drop, with its alerts.";
    }
}

public sealed class MarkSavedSearchMatchesReadInput
{
    [Id, Description("Only the matches of this saved search; omit for all of yours.")]
    public string? SavedSearchId { get; set; }

    [Id, Description("Only matches up to this one (a `SavedSearchMatch.id`, typically the newest you showed), so that one arriving meanwhile stays unread; omit for all.")]
    public string? UpToMatchId { get; set; }
}

public sealed class MarkSavedSearchMatchesReadInputType : AutoRegisteringInputObjectGraphType<MarkSavedSearchMatchesReadInput>
{
    public MarkSavedSearchMatchesReadInputType()
    {
        Name = "MarkSavedSearchMatchesReadInput";
        Description = "Which saved-search matches to mark read.";
    }
}
