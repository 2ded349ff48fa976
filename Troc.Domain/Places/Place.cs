using NetTopologySuite.Geometries;

namespace Troc.Domain.Places;

/// <summary>
/// A French commune (or a municipal arrondissement of Paris, Lyon or Marseille) from the offline gazetteer:
/// reference data loaded by <see cref="PlacesImport"/>, never edited through the API.
/// </summary>
public sealed class Place
{
    private Place() { }

    public Place(
        string id, string name, IReadOnlyList<string> postalCodes, string departmentCode, int population,
        Point? location, PlaceLocationPrecision? locationPrecision)
    {
        Id = id;
        Name = name;
        SearchKey = PlaceNameFolding.Fold(name);
        PostalCodes = [.. postalCodes];
        DepartmentCode = departmentCode;
        Population = population;
        Location = location;
        LocationPrecision = location is null ? null : locationPrecision;
    }

    /// <summary>The INSEE code (code officiel géographique), such as `75056` for Paris or `2A004` for Ajaccio.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The official name, with its accents and hyphens, such as « Saint-Étienne ».</summary>
    public string Name { get; private set; } = "";

    /// <summary>The name folded by <see cref="PlaceNameFolding.Fold"/>: what searches match.</summary>
    public string SearchKey { get; private set; } = "";

    /// <summary>The postal codes that serve this place, in ascending order; empty for a few uninhabited territories.</summary>
    public string[] PostalCodes { get; private set; } = [];

    /// <summary>The department's code, such as `69`, `2A` or `974`.</summary>
    public string DepartmentCode { get; private set; } = "";

    /// <summary>Inhabitants (municipal population, INSEE); 0 for uninhabited places.</summary>
    public int Population { get; private set; }

    /// <summary>The place's centre (SRID 4326); null for the few places no source locates.</summary>
    public Point? Location { get; private set; }

    /// <summary>How exact <see cref="Location"/> is; null when there is no location.</summary>
    public PlaceLocationPrecision? LocationPrecision { get; private set; }
}

/// <summary>How a place's centre was obtained.</summary>
public enum PlaceLocationPrecision
{
    /// <summary>GeoNames' point for this very commune: its town centre.</summary>
    Commune,

    /// <summary>Estimated from neighbouring communes (same postal code or intercommunality): typically within 5 km, rarely beyond 10 km. Small communes only.</summary>
    Approximate,
}
