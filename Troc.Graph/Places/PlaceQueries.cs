using System.ComponentModel;
using GraphQL;
using Troc.Domain.Common;
using Troc.Domain.Places;
using Troc.Graph.Common;

namespace Troc.Graph.Places;

public sealed class PlaceQueries
{
    public const int DefaultFirst = 10;

    [GraphQLMetadata("places")]
    [Description(
        "Type-ahead search of French communes. Letters match the start of any word of the name, ignoring case, accents, " +
        "hyphens and apostrophes, with « st »/« ste » read as « saint »/« sainte » (`clermont`, `st etienne`, `SAINT ÉTIENNE` " +
        "all work); names that start with the query come first. Digits match the start of a postal code (`69` → the Rhône, " +
        "`75011` → Paris). Within each group, the most populated place first. An empty or blank query returns an empty list. " +
        "Errors: `QUERY_TOO_LONG` past 100 characters, `FIRST_OUT_OF_RANGE` when `first` is not between 1 and 50.")]
    [OutputType(typeof(GraphQL.Types.NonNullGraphType<GraphQL.Types.ListGraphType<GraphQL.Types.NonNullGraphType<PlaceType>>>))]
    public static async Task<IReadOnlyList<Place>> Places(
        [Description("What the person typed: the start of a name (`lyon`, `saint-é`) or of a postal code (`690`); at most 100 characters.")]
        string query,
        [FromServices] PlaceDirectory directory,
        CancellationToken cancellationToken,
        [Description("How many places to return, 1 to 50.")]
        int? first = DefaultFirst)
    {
        var size = first ?? DefaultFirst;
        if (size is < 1 or > PlaceDirectory.MaxResults)
            throw new ExecutionError($"`first` must be between 1 and {PlaceDirectory.MaxResults}.") { Code = RequestErrorCodes.FirstOutOfRange };
        if (query.Length > PlaceDirectory.MaxQueryLength)
            throw new ExecutionError($"`query` must be at most {PlaceDirectory.MaxQueryLength} characters.") { Code = ViolationKind.QueryTooLong.Code() };
        return await directory.SearchAsync(query, size, cancellationToken);
    }
}
