using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Troc.Graph.Transport.Execution;

/// <summary>
/// Keeps the parsed form of documents that passed validation, keyed by their text (and document id), so that a
/// client repeating an operation skips parsing and the schema-dependent validation rules. Rules registered for
/// cached documents (depth and complexity, which depend on variables and on the selected operation) still run, and
/// variables are still coerced on every request. A GraphQL.NET execution step in place of the GraphQL.MemoryCache
/// package, which is not available here; bounded by total text length, least recently used first out.
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    private readonly int _sizeLimit;
    private readonly Lock _gate = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _byRecency = [];
    private long _cachedLength;

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;

    public DocumentCache(IOptions<DocumentCacheOptions> options, IMeterFactory meterFactory)
    {
        _sizeLimit = options.Value.SizeLimit;
        var meter = meterFactory.Create(TrocMeter.Name);
        _hits = meter.CreateCounter<long>("troc.graphql.document_cache.hits",
            description: "Operations whose document came from the cache: no parse, no full validation.");
        _misses = meter.CreateCounter<long>("troc.graphql.document_cache.misses",
            description: "Operations whose document had to be parsed and validated.");
    }

    /// <summary>After the option configurations (100), which fill in the validation rules this step swaps.</summary>
    public float SortOrder => 200;

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query || query.Length > _sizeLimit)
            return await next(options);

        var key = new Key(query, options.DocumentId);
        if (TryGet(key) is { } cached)
        {
            _hits.Add(1);
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        _misses.Add(1);
        var result = await next(options);
        // Executed means validation passed; a document that failed it (perhaps only for these variables) is not kept.
        if (result.Executed && result.Document is { } validated)
            Add(key, validated);
        return result;
    }

    private GraphQLDocument? TryGet(Key key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var node)) return null;
            _byRecency.Remove(node);
            _byRecency.AddFirst(node);
            return node.Value.Document;
        }
    }

    private void Add(Key key, GraphQLDocument document)
    {
        lock (_gate)
        {
            if (_entries.ContainsKey(key)) return;
            _entries[key] = _byRecency.AddFirst(new Entry(key, document));
            _cachedLength += key.Query.Length;
            while (_cachedLength > _sizeLimit && _byRecency.Last is { } oldest)
            {
                _byRecency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _cachedLength -= oldest.Value.Key.Query.Length;
            }
        }
    }

    private readonly record struct Key(string Query, string? DocumentId);

    private sealed record Entry(Key Key, GraphQLDocument Document);
}
