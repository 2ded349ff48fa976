using System.ComponentModel.DataAnnotations;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// How big and how expensive one GraphQL operation may be (configuration section <c>Graph:Limits</c>). Every
/// limit but the execution timeout is checked before any resolver runs, so a hostile document costs the server a parse
/// at most. An HTTP batch counts as one request: the complexities of its operations add up against
/// <see cref="MaxComplexity"/>.
/// </summary>
public sealed class ExecutionLimitsOptions
{
    public const string Section = "Graph:Limits";

    /// <summary>Characters in the query text; checked before parsing.</summary>
    [Range(1, int.MaxValue)]
    public int MaxDocumentLength { get; set; } = 20_000;

    /// <summary>Levels of fields in the executed operation, its root fields being level 1 (fragments expanded).</summary>
    [Range(1, int.MaxValue)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Estimated cost of the executed operation: each field costs 1, multiplied by the expected size of every list
    /// above it (`first`/`last` when given, else <see cref="ListSizeEstimate"/>). Introspection counts 1 in all,
    /// whatever the schema's size; <see cref="MaxIntrospectionDepth"/> bounds it instead.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>Expected size of a list field requested without `first`/`last`, for the complexity estimate.</summary>
    [Range(1, 1_000)]
    public int ListSizeEstimate { get; set; } = 20;

    /// <summary>Aliased fields in the document: aliases let one request repeat an expensive field many times over.</summary>
    [Range(0, int.MaxValue)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>
    /// Field selections written in the document, counted before fragments are expanded. Validation cost grows faster
    /// than the field count: at 300 the worst document measured validates in under 0.1 s.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxFields { get; set; } = 300;

    /// <summary>
    /// How many times `fields`, `inputFields`, `interfaces` or `possibleTypes` may nest inside one introspection
    /// selection (graphql-js allows 2 as well). Introspection is left out of the complexity estimate, because it is
    /// bounded by the schema rather than by data; this is what stops
    /// `types { fields { type { fields { type { fields … } } } } }` from multiplying out instead.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxIntrospectionDepth { get; set; } = 2;

    /// <summary>
    /// How long one request may execute: an HTTP request (a batch as a whole) or one WebSocket operation (a
    /// subscription only until its event stream is set up). Past it the operation is stopped, its database work
    /// cancelled, and the client gets <c>TIMEOUT</c>. A backstop behind the limits above, generous enough for a
    /// mutation that processes ten large photos.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
