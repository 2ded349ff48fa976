using System.ComponentModel.DataAnnotations;

namespace Troc.Graph.Transport.Http;

/// <summary>Limits of the HTTP transport, bound from the "Graph:Http" configuration section.</summary>
public sealed class GraphQLHttpOptions
{
    public const string SectionName = "Graph:Http";

    /// <summary>Largest JSON body accepted; in a multipart upload, the limit of its "operations" and "map" fields each.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Most operations in one batched (JSON array) request.</summary>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 10;
}
