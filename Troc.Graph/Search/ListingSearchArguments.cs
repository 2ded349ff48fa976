using GraphQL;
using Microsoft.EntityFrameworkCore;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;
using Troc.Domain.Places;
using Troc.Domain.Search;
using Troc.Graph.Catalogue;
using Troc.Graph.Common;
using Troc.Graph.Places;

namespace Troc.Graph.Search;

/// <summary>
/// One refused search argument. The same refusal reaches `searchListings` as a GraphQL error (<see cref="Message"/>,
/// for developers) and `saveSearch` as a payload error (a violation with <see cref="UserMessage"/>, in French, for the
/// member), with the same code.
/// </summary>
public sealed record SearchArgumentError(ViolationKind Kind, string Field, string Message, string UserMessage)
{
    public ExecutionError ToExecutionError() => new(Message) { Code = Kind.Code() };

    public Violation ToViolation() => new(Kind, Field, UserMessage);
}

/// <summary>A validated search: its criteria, and what the member chose in the terms they chose it (to show it back).</summary>
public sealed record ValidatedSearch(ListingSearchCriteria Criteria, IReadOnlyList<int>? ChosenCategoryIds, string? PlaceCode);

/// <summary>
/// Validates the arguments shared by `searchListings` and `saveSearch` (`query`, `near`, `where`, `order`) and
/// turns them into <see cref="ListingSearchCriteria"/>: the one place where a search is checked and built, so both
/// fields accept and refuse exactly the same searches. A new filter is added here once.
/// </summary>
public static class ListingSearchArguments
{
    public static async Task<(ValidatedSearch? Search, SearchArgumentError? Error)> BuildAsync(
        string? query, NearInput? near, ListingFilterInput? where, ListingSearchOrder? order, Guid? viewerId,
        ListingSearch search, PlaceDirectory places, IDbContextFactory<TrocDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if (query is { Length: > ListingSearch.MaxQueryLength })
            return Fail(ViolationKind.QueryTooLong, "query",
                $"`query` must be at most {ListingSearch.MaxQueryLength} characters.",
                $"La recherche ne doit pas dépasser {ListingSearch.MaxQueryLength} caractères.");

        var hasText = !string.IsNullOrWhiteSpace(query);
        var effectiveOrder = order ?? (hasText ? ListingSearchOrder.Relevance : ListingSearchOrder.Newest);
        if (effectiveOrder == ListingSearchOrder.Distance && near is null)
            return (null, NearRequired);

        GeoPoint? centre = null;
        string? placeCode = null;
        if (near is not null)
        {
            var (point, code, error) = await CentreAsync(near, places, cancellationToken);
            if (error is not null) return (null, error);
            (centre, placeCode) = (point, code);
        }

        IReadOnlyList<int>? chosen = null;
        IReadOnlyList<int>? categoryIds = null;
        if (where?.CategoryIds is { Count: > 0 } categoryGlobalIds)
        {
            var keys = new List<int>();
            foreach (var id in categoryGlobalIds)
            {
                if (!GlobalId.TryDecodeInt(id, "Category", out var key)) return CategoryNotFound(id);
                if (!keys.Contains(key)) keys.Add(key);
            }
            var (expanded, unknown) = await search.ExpandCategoriesAsync(keys, cancellationToken);
            if (unknown.Count > 0) return CategoryNotFound(GlobalId.Encode("Category", unknown[0]));
            chosen = keys;
            categoryIds = expanded;
        }

        IReadOnlyList<int>? itemTypeIds = null;
        if (where?.ItemTypeIds is { Count: > 0 } itemTypeGlobalIds)
        {
            var (keys, error) = await ItemTypeKeysAsync(itemTypeGlobalIds, dbFactory, cancellationToken);
            if (error is not null) return (null, error);
            itemTypeIds = keys;
        }

        var criteria = new ListingSearchCriteria
        {
            Text = hasText ? query!.Trim() : null,
            Near = centre,
            RadiusKm = near?.RadiusKm ?? 0,
            CategoryIds = categoryIds,
            Conditions = where?.Conditions is { Count: > 0 } conditions ? conditions.Distinct().ToList() : null,
            ItemTypeIds = itemTypeIds,
            ExcludeOwnerId = where?.ExcludeMine == true ? viewerId : null,
            PostedAfter = where?.PostedAfter is { } postedAfter ? ToUtc(postedAfter) : null,
            ViewerId = viewerId,
            Order = effectiveOrder,
        };
        return (new ValidatedSearch(criteria, chosen, placeCode), null);
    }

    /// <summary>NEAR_REQUIRED when <paramref name="order"/> is DISTANCE and the search has no point.</summary>
    public static SearchArgumentError? CheckOrder(ListingSearchCriteria criteria, ListingSearchOrder order) =>
        order == ListingSearchOrder.Distance && criteria.Near is null ? NearRequired : null;

    private static readonly SearchArgumentError NearRequired =
        new(ViolationKind.NearRequired, "order", "DISTANCE order needs `near`.", "Le tri par distance demande un point de départ (`near`).");

    private static async Task<(GeoPoint? Centre, string? PlaceCode, SearchArgumentError? Error)> CentreAsync(
        NearInput near, PlaceDirectory places, CancellationToken cancellationToken)
    {
        if (!double.IsFinite(near.RadiusKm) || near.RadiusKm <= 0 || near.RadiusKm > ListingSearch.MaxRadiusKm)
            return (null, null, new(ViolationKind.InvalidRadius, "near.radiusKm",
                $"`radiusKm` must be more than 0 and at most {ListingSearch.MaxRadiusKm} km.",
                $"Le rayon doit être supérieur à 0 et d’au plus {ListingSearch.MaxRadiusKm} km."));
        var hasPoint = near.Latitude is not null || near.Longitude is not null;
        if (hasPoint == (near.PlaceId is not null))
            return (null, null, new(ViolationKind.InvalidCoordinates, "near",
                "Give either `latitude` and `longitude`, or `placeId`.",
                "Indiquez soit une position (latitude et longitude), soit un lieu."));
        if (hasPoint)
        {
            if (near.Latitude is not { } latitude || near.Longitude is not { } longitude || !GeoPoint.IsValid(latitude, longitude))
                return (null, null, new(ViolationKind.InvalidCoordinates, "near",
                    "`latitude` must be between -90 and 90 and `longitude` between -180 and 180, both given.",
                    "La latitude doit être entre -90 et 90 et la longitude entre -180 et 180, les deux indiquées."));
            return (new GeoPoint(latitude, longitude), null, null);
        }
        var place = GlobalId.TryDecode(near.PlaceId, PlaceType.TypeName, out var inseeCode)
            ? await places.FindAsync(inseeCode, cancellationToken)
            : null;
        if (place is null)
            return (null, null, new(ViolationKind.PlaceNotFound, "near.placeId", $"No place has the id `{near.PlaceId}`.", "Ce lieu n’existe pas."));
        if (place.Location is not { } location)
            return (null, null, new(ViolationKind.PlaceNotFound, "near.placeId",
                $"{place.Name} has no known location; search around a point instead.",
                $"La position de {place.Name} est inconnue : cherchez autour d’un point."));
        return (GeoPoint.From(location), place.Id, null);
    }

    public const int MaxItemTypeIds = 20;

    /// <summary>The item_types keys of the given global ids; an unknown, retired or malformed one is ITEM_TYPE_NOT_FOUND.</summary>
    private static async Task<(IReadOnlyList<int>? Keys, SearchArgumentError? Error)> ItemTypeKeysAsync(
        IReadOnlyList<string> ids, IDbContextFactory<TrocDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if (ids.Count > MaxItemTypeIds)
            return (null, new(ViolationKind.TooManyItemTypes, "where.itemTypeIds", $"Give at most {MaxItemTypeIds} item types.",
                $"Choisissez au plus {MaxItemTypeIds} types d’objet."));
        var slugs = new List<string>();
        foreach (var id in ids)
        {
            if (!GlobalId.TryDecode(id, ItemTypeType.TypeName, out var slug)) return (null, ItemTypeNotFound(id));
            slugs.Add(slug);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await ListingUnderstanding.ItemTypeKeysAsync(db, slugs.Distinct().ToList(), cancellationToken);
        for (var i = 0; i < slugs.Count; i++)
            if (!keys.TryGetValue(slugs[i], out var key) || key.Retired) return (null, ItemTypeNotFound(ids[i]));
        return (keys.Values.Select(k => k.Id).ToList(), null);
    }

    private static SearchArgumentError ItemTypeNotFound(string id) =>
        new(ViolationKind.ItemTypeNotFound, "where.itemTypeIds", $"No item type has the id `{id}`.", "Un des types d’objet n’existe pas.");

    private static (ValidatedSearch?, SearchArgumentError?) CategoryNotFound(string id) =>
        Fail(ViolationKind.CategoryNotFound, "where.categoryIds", $"No category has the id `{id}`.", "Une des catégories n’existe pas.");

    private static (ValidatedSearch?, SearchArgumentError?) Fail(ViolationKind kind, string field, string message, string userMessage) =>
        (null, new SearchArgumentError(kind, field, message, userMessage));

    private static DateTime ToUtc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
}
