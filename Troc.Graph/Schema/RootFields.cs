using GraphQL.Types;

namespace Troc.Graph.Schema;

/// <summary>
/// Lets each feature keep its root fields in its own type-first class (CategoryQueries, ListingMutations…)
/// while the schema still has one Query, one Mutation and one Subscription type.
/// </summary>
public static class RootFields
{
    public static void AddFieldsOf<TFeatureFields>(this ObjectGraphType root)
    {
        // Auto-registration turns the class's static methods into fields with their resolvers and arguments.
        var featureType = new AutoRegisteringObjectGraphType<TFeatureFields>();
        foreach (var field in featureType.Fields)
            root.AddField(field);
    }
}
