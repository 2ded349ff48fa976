using System.Text.Json.Serialization;

namespace Troc.Domain.Catalogue;

/// <summary>The shape of one file of Catalogue/data: the item types of one top-level category.</summary>
internal sealed record CatalogueDataFile(
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("cueGroups")] Dictionary<string, List<string>>? CueGroups,
    [property: JsonPropertyName("broadTerms")] Dictionary<string, List<string>>? BroadTerms,
    [property: JsonPropertyName("itemTypes")] List<CatalogueDataItemType>? ItemTypes);

internal sealed record CatalogueDataItemType(
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("parent")] string? Parent,
    [property: JsonPropertyName("names")] List<string>? Names,
    [property: JsonPropertyName("generic")] List<string>? Generic,
    [property: JsonPropertyName("brands")] List<string>? Brands,
    [property: JsonPropertyName("cues")] List<string>? Cues,
    [property: JsonPropertyName("functions")] List<string>? Functions,
    [property: JsonPropertyName("nearMisses")] List<string>? NearMisses);
