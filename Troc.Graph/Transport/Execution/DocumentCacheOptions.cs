using System.ComponentModel.DataAnnotations;

namespace Troc.Graph.Transport.Execution;

/// <summary>Configuration section <c>Graph:DocumentCache</c>.</summary>
public sealed class DocumentCacheOptions
{
    public const string Section = "Graph:DocumentCache";

    /// <summary>
    /// Total length, in characters, of the query texts whose parsed documents are kept; the least recently used go
    /// first. A parsed document takes roughly ten times its text in memory. 0 turns the cache off.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int SizeLimit { get; set; } = 1_000_000;
}
