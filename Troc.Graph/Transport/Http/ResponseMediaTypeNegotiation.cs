using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Troc.Graph.Transport.Http;

/// <summary>Chooses the response media type from the request's Accept header, as the GraphQL-over-HTTP spec asks.</summary>
public static class ResponseMediaTypeNegotiation
{
    /// <returns>The media type to answer with, or null when the client accepts neither (406).</returns>
    public static string? Select(StringValues accept)
    {
        // Until the spec's watershed, a client that states no preference is assumed to be a legacy JSON client.
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace))
            return GraphQLMediaTypes.Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
            return null;

        var refused = ranges.Where(range => range.Quality == 0).Select(range => range.MediaType.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string? best = null;
        (double Quality, int Specificity) bestRank = (0, -1);
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1;
            if (quality <= 0 || !GraphQLMediaTypes.IsUtf8(range.Charset)) continue;
            var (offered, specificity) = Offer(range.MediaType, refused);
            if (offered is null) continue;
            if (quality > bestRank.Quality || quality == bestRank.Quality && specificity > bestRank.Specificity)
                (best, bestRank) = (offered, (quality, specificity));
        }
        return best;
    }

    /// <summary>What we would send for one media range; on equal quality an exact match beats a wildcard.</summary>
    private static (string? MediaType, int Specificity) Offer(StringSegment range, HashSet<string?> refused)
    {
        if (range.Equals(GraphQLMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            return (GraphQLMediaTypes.GraphQLResponseJson, 3);
        if (range.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            return (GraphQLMediaTypes.Json, 2);
        if (range.Equals("application/*", StringComparison.OrdinalIgnoreCase) || range.Equals("*/*", StringComparison.Ordinal))
        {
            // A wildcard means "anything": legacy clients send */*, so it gets application/json unless that was refused.
            var specificity = range.Equals("*/*", StringComparison.Ordinal) ? 0 : 1;
            if (!refused.Contains(GraphQLMediaTypes.Json)) return (GraphQLMediaTypes.Json, specificity);
            if (!refused.Contains(GraphQLMediaTypes.GraphQLResponseJson)) return (GraphQLMediaTypes.GraphQLResponseJson, specificity);
        }
        return (null, -1);
    }
}
