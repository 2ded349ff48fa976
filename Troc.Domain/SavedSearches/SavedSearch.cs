using System.Text.Json;
using System.Text.Json.Serialization;
using Troc.Domain.Common;
using Troc.Domain.Search;

namespace Troc.Domain.SavedSearches;

/// <summary>
/// A search a member keeps, to run again and (with <see cref="Notify"/>) to be told of new listings that match it.
/// </summary>
public sealed class SavedSearch
{
    public const int NameMaxLength = 60;

    /// <summary>How many saved searches one member may keep.</summary>
    public const int MaxPerOwner = 20;

    private SavedSearch() { }

    public static SavedSearch Create(Guid ownerId, string name, SavedSearchDefinition definition, bool notify, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OwnerId = ownerId,
        Name = name.Trim(),
        Definition = definition,
        Notify = notify,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The search itself; see <see cref="SavedSearchDefinition"/> for why it is one JSON document.</summary>
    public SavedSearchDefinition Definition { get; private set; } = null!;

    /// <summary>Whether new matching listings raise alerts (stored, and pushed by `savedSearchMatched`).</summary>
    public bool Notify { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the last alert was raised for this search; null before the first.</summary>
    public DateTime? LastMatchedAt { get; private set; }

    public void Rename(string name, DateTime now)
    {
        Name = name.Trim();
        UpdatedAt = now;
    }

    public void SetNotify(bool notify, DateTime now)
    {
        Notify = notify;
        UpdatedAt = now;
    }

    /// <summary>NAME_EMPTY or NAME_TOO_LONG for a name that will not do; null when it is fine.</summary>
    public static Violation? CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) return SavedSearchViolations.NameEmpty;
        if (trimmed.Length > NameMaxLength) return SavedSearchViolations.NameTooLong;
        return null;
    }
}

/// <summary>
/// What a saved search looks for, stored as one jsonb document. <see cref="Criteria"/> is exactly the
/// <see cref="ListingSearchCriteria"/> that <c>searchListings</c> builds from the same arguments (categories already
/// expanded), serialized as is: a property added to the criteria (item types, the viewer for blocking…) is stored,
/// replayed by <c>SavedSearch.results</c> and honoured by alerts without a migration or a change here. The other
/// properties only keep what the member chose, to show it back (the categories before expansion, the place).
/// </summary>
public sealed record SavedSearchDefinition
{
    public required ListingSearchCriteria Criteria { get; init; }

    /// <summary>The categories as chosen (a parent stays a parent); null for all.</summary>
    public IReadOnlyList<int>? CategoryIds { get; init; }

    /// <summary>The INSEE code of the place the search is centred on, when it was given as a place.</summary>
    public string? PlaceCode { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Computed properties (HasText) are not state.
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SavedSearchDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<SavedSearchDefinition>(json, Json)
        ?? throw new InvalidOperationException("A saved search definition is null.");
}

/// <summary>One alert: a listing that matched a saved search when it became active. Never raised twice for a pair.</summary>
public sealed class SavedSearchAlert
{
    private SavedSearchAlert() { }

    public long Id { get; private set; }

    public Guid SavedSearchId { get; private set; }

    /// <summary>The saved search's owner, kept here so that a member's alerts page and count without a join.</summary>
    public Guid OwnerId { get; private set; }

    public Guid ListingId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When the member marked it read; null while unread.</summary>
    public DateTime? ReadAt { get; private set; }
}

/// <summary>
/// The outbox of alerts: a row per listing that became active, written by a trigger in the transaction that
/// made it active, processed off the request path by the alert worker.
/// </summary>
public sealed class SavedSearchJob
{
    private SavedSearchJob() { }

    public long Id { get; private set; }

    public Guid ListingId { get; private set; }

    public DateTime EnqueuedAt { get; private set; }

    /// <summary>Not claimed before this instant: a job that failed waits before its next attempt.</summary>
    public DateTime AvailableAt { get; private set; }

    public DateTime? ProcessedAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }
}
