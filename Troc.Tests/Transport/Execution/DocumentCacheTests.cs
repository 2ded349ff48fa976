using System.Collections.Concurrent;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Troc.Graph.Transport.Execution;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Transport.Execution;

/// <summary>Repeated operations skip parsing and full validation; nothing that depends on the request is skipped.</summary>
public sealed class DocumentCacheTests(DocumentCacheTests.CountingApp app) : IClassFixture<DocumentCacheTests.CountingApp>
{
    /// <summary>The real host, with the parser and the validator counting their work per document text.</summary>
    public sealed class CountingApp : TrocAppFactory
    {
        public ConcurrentDictionary<string, int> Parses { get; } = new();

        public ConcurrentDictionary<string, int> FullValidations { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddSingleton<IDocumentBuilder>(provider => new CountingDocumentBuilder(
                new LimitedDocumentBuilder(provider.GetRequiredService<IOptions<ExecutionLimitsOptions>>()), Parses));
            services.AddSingleton<IDocumentValidator>(new CountingDocumentValidator(new DocumentValidator(), FullValidations));
        }
    }

    [Fact]
    public async Task A_repeated_operation_is_parsed_and_validated_once()
    {
        const string query = "query CachedCategories { categories { slug } }";
        var client = app.CreateGraphQLClient();

        var first = await client.PostAsync(query);
        var second = await client.PostAsync(query);

        first.EnsureNoErrors();
        second.EnsureNoErrors();
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(1, app.Parses.GetValueOrDefault(query));
        Assert.Equal(1, app.FullValidations.GetValueOrDefault(query));
    }

    [Fact]
    public async Task Variables_are_still_checked_on_every_request_for_a_cached_document()
    {
        const string query = "query CategoryBySlug($slug: String!) { category(slug: $slug) { slug } }";
        var client = app.CreateGraphQLClient();

        var valid = await client.PostAsync(query, new { slug = "maison-ameublement" });
        var missingVariable = await client.PostAsync(query);

        valid.EnsureNoErrors();
        Assert.NotNull(missingVariable.Errors);
        Assert.Contains("$slug", missingVariable.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal(1, app.Parses.GetValueOrDefault(query));
    }

    [Fact]
    public async Task Depth_and_complexity_are_still_checked_for_each_operation_of_a_cached_document()
    {
        const string query = "query Light { __typename } query Heavy { categories { children { children { children { id } } } } }";

        var light = await ExecutorRunner.ExecuteAsync(app.Services, query, operationName: "Light");
        var heavy = await ExecutorRunner.ExecuteAsync(app.Services, query, operationName: "Heavy");

        Assert.Null(light["errors"]);
        Assert.Equal([LimitCodes.MaxComplexityExceeded], heavy.ErrorCodes());
        Assert.Equal(1, app.Parses.GetValueOrDefault(query));
    }

    [Fact]
    public async Task A_document_that_failed_validation_is_not_cached()
    {
        const string query = "query Misspelt { categoriez { slug } }";
        var client = app.CreateGraphQLClient();

        await client.PostAsync(query);
        var second = await client.PostAsync(query);

        Assert.Equal("FIELDS_ON_CORRECT_TYPE", second.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(2, app.Parses.GetValueOrDefault(query));
    }

    private sealed class CountingDocumentBuilder(IDocumentBuilder parser, ConcurrentDictionary<string, int> parses) : IDocumentBuilder
    {
        public GraphQLDocument Build(string body)
        {
            parses.AddOrUpdate(body, 1, (_, count) => count + 1);
            return parser.Build(body);
        }
    }

    /// <summary>Counts validations that run the standard rules; a cached document is validated with its own short list.</summary>
    private sealed class CountingDocumentValidator(IDocumentValidator validator, ConcurrentDictionary<string, int> validations) : IDocumentValidator
    {
        public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        {
            if (options.Rules?.Contains(FieldsOnCorrectType.Instance) ?? true)
                validations.AddOrUpdate(options.Document.Source.ToString(), 1, (_, count) => count + 1);
            return validator.ValidateAsync(options);
        }
    }
}
