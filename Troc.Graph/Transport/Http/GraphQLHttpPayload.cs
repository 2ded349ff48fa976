using GraphQL.Transport;

namespace Troc.Graph.Transport.Http;

/// <summary>What one HTTP request asks for: a single operation, or a batch answered with an array.</summary>
public sealed record GraphQLHttpPayload(IReadOnlyList<GraphQLRequest> Requests, bool IsBatch)
{
    public static GraphQLHttpPayload Single(GraphQLRequest request) => new([request], IsBatch: false);
}
