using System.Diagnostics.Metrics;
using GraphQL;
using GraphQLParser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Troc.Graph.Transport.Execution;

namespace Troc.Tests.Transport.Execution;

/// <summary>The cache's bound, on the cache alone: the engine behind it is a stand-in that parses and reports success.</summary>
public sealed class DocumentCacheEvictionTests
{
    private readonly List<string> _parsed = [];

    [Fact]
    public async Task The_least_recently_used_document_leaves_first_when_the_cache_is_full()
    {
        // Four documents of 10 characters in a cache of 30.
        var cache = CreateCache(sizeLimit: 30);
        await RunAsync(cache, "{ first  }");
        await RunAsync(cache, "{ second }");
        await RunAsync(cache, "{ third  }");
        await RunAsync(cache, "{ first  }"); // now the most recently used
        await RunAsync(cache, "{ fourth }"); // evicts "second"

        _parsed.Clear();
        await RunAsync(cache, "{ first  }");
        await RunAsync(cache, "{ third  }");
        await RunAsync(cache, "{ second }");

        Assert.Equal(["{ second }"], _parsed);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public async Task A_document_larger_than_the_whole_cache_is_never_kept()
    {
        var cache = CreateCache(sizeLimit: 5);

        await RunAsync(cache, "{ tooLong }");
        await RunAsync(cache, "{ tooLong }");

        Assert.Equal(2, _parsed.Count);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_document_that_did_not_validate_is_not_kept()
    {
        var cache = CreateCache(sizeLimit: 1_000);

        await RunAsync(cache, "{ invalid }", validates: false);
        await RunAsync(cache, "{ invalid }", validates: false);

        Assert.Equal(2, _parsed.Count);
    }

    [Fact]
    public async Task The_same_text_under_another_document_id_is_another_entry()
    {
        var cache = CreateCache(sizeLimit: 1_000);

        await RunAsync(cache, "{ same }", documentId: "a");
        await RunAsync(cache, "{ same }", documentId: "b");
        await RunAsync(cache, "{ same }", documentId: "a");

        Assert.Equal(2, _parsed.Count);
    }

    private static DocumentCache CreateCache(int sizeLimit) =>
        new(Options.Create(new DocumentCacheOptions { SizeLimit = sizeLimit }),
            new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    private Task<ExecutionResult> RunAsync(DocumentCache cache, string query, bool validates = true, string? documentId = null) =>
        cache.ExecuteAsync(new ExecutionOptions { Query = query, DocumentId = documentId }, options =>
        {
            var document = options.Document;
            if (document is null)
            {
                _parsed.Add(options.Query!);
                document = Parser.Parse(options.Query!);
            }
            return Task.FromResult(new ExecutionResult { Executed = validates, Document = document });
        });
}
