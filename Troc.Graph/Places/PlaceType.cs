using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Common;
using Troc.Domain.Places;
using Troc.Graph.Common;
using Troc.Graph.DataLoading;
using Troc.Graph.Geography;

namespace Troc.Graph.Places;

public sealed class PlaceType : NodeGraphType<Place>
{
    public const string TypeName = "Place";

    public PlaceType() : base(TypeName, p => p.Id, p => p.Id, p => p.SearchKey, p => p.Location, p => p.LocationPrecision)
    {
        Description = "A French commune (or a municipal arrondissement of Paris, Lyon or Marseille) from Troc's gazetteer: " +
            "what `places` finds and where listings are. Data: Etalab (Licence Ouverte) and GeoNames (CC-BY 4.0).";

        Field<NonNullGraphType<StringGraphType>>("inseeCode")
            .Description("The official INSEE code (code officiel géographique), such as `75056` for Paris or `2A004` for Ajaccio.")
            .Resolve(context => context.Source.Id);

        Field<CoordinatesType>("location")
            .Description("The place's centre; null for the few overseas places no source locates. See `locationPrecision`.")
            .Resolve(context => context.Source.Location is { } point ? GeoPoint.From(point) : null);

        Field<PlaceLocationPrecisionType>("locationPrecision")
            .Description("How exact `location` is; null when `location` is null.")
            .Resolve(context => context.Source.LocationPrecision);
    }

    /// <summary>The global id of the place with this INSEE code.</summary>
    public static string GlobalIdOf(string inseeCode) => GlobalId.Encode(TypeName, inseeCode);
}

public sealed class PlaceLocationPrecisionType : EnumerationGraphType<PlaceLocationPrecision>
{
    public PlaceLocationPrecisionType()
    {
        Name = "PlaceLocationPrecision";
        Description = "How a place's `location` was obtained.";
    }
}

public sealed class PlaceById(PlaceDirectory directory) : BatchLoader<string, Place>
{
    protected override Task<IReadOnlyDictionary<string, Place>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        directory.FindManyAsync(keys, cancellationToken);
}

internal sealed class PlaceNodeResolver : INodeResolver
{
    public string TypeName => PlaceType.TypeName;

    public IDataLoaderResult<object?>? Resolve(IServiceProvider services, string key, System.Security.Claims.ClaimsPrincipal? viewer) =>
        key.Length == 5
            ? services.GetRequiredService<PlaceById>().Load(key).Then(p => (object?)p)
            : null;
}
