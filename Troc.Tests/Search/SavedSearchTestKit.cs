using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Troc.Domain.Common;
using Troc.Domain.Listings;
using Troc.Domain.Persistence;
using Troc.Graph.Common;
using Troc.Tests.Infrastructure;
using Troc.Tests.Listings;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Search;

/// <summary>A host of its own for saved-search tests (alert worker on).</summary>
public class SavedSearchApp : TrocAppFactory;

public static class SavedSearchTestKit
{
    public const string SavedSearchFields = """
        id name query notify createdAt lastMatchedAt unreadMatchCount
        near { center { latitude longitude } radiusKm place { id name } }
        where { categories { slug } itemTypes { slug } conditions excludeMine postedAfter }
        """;

    public const string Errors = "__typename ... on Error { code message } ... on InvalidInputError { field } ... on TooManySavedSearchesError { limit }";

    public static readonly string Save = $"mutation($input: SaveSearchInput!) {{ saveSearch(input: $input) {{ savedSearch {{ {SavedSearchFields} }} errors {{ {Errors} }} }} }}";
    public const string CodedError = "__typename ... on Error { code message }";
    public static readonly string Update = $"mutation($input: UpdateSavedSearchInput!) {{ updateSavedSearch(input: $input) {{ savedSearch {{ id name notify }} errors {{ {CodedError} ... on InvalidInputError {{ field }} }} }} }}";
    public static readonly string Delete = $"mutation($input: DeleteSavedSearchInput!) {{ deleteSavedSearch(input: $input) {{ deletedSavedSearchId errors {{ {CodedError} }} }} }}";
    public static readonly string MarkRead = $"mutation($input: MarkSavedSearchMatchesReadInput!) {{ markSavedSearchMatchesRead(input: $input) {{ unreadCount errors {{ {CodedError} }} }} }}";
    public static readonly string MySavedSearches = $"{{ me {{ savedSearches {{ {SavedSearchFields} }} }} }}";

    public const string MyMatches = """
        query($unreadOnly: Boolean, $first: Int, $after: String) { me { savedSearchMatches(unreadOnly: $unreadOnly, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes { id createdAt readAt savedSearch { id name } listing { id title } }
        } } }
        """;

    public const string Subscription = """
        subscription { savedSearchMatched { id createdAt readAt savedSearch { id name } listing { id title isMine } } }
        """;

    /// <summary>Lyon, place Bellecour.</summary>
    public static readonly GeoPoint Lyon = new(45.7578, 4.8320);

    public static async Task<JsonNode> SaveAsync(GraphQLClient client, object input)
    {
        var payload = (await client.PostAsync(Save, new { input })).EnsureNoErrors().Data!["saveSearch"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["savedSearch"]!;
    }

    /// <summary>A verified member signed in on a fresh client.</summary>
    public static async Task<(GraphQLClient Client, Account Account)> MemberAsync(TrocAppFactory app, string name)
    {
        var client = app.CreateGraphQLClient();
        var account = await ListingTestKit.VerifiedMemberAsync(app, client, name);
        return (client, account);
    }

    /// <summary>Publishes a listing through createListing; defaults: a bike in Lyon.</summary>
    public static Task<string> ListAsync(GraphQLClient client, string title, int categoryId = 801, GeoPoint? at = null, string condition = "GOOD")
    {
        var point = at ?? Lyon;
        return ListingTestKit.CreateListingAsync(client, new()
        {
            ["title"] = title,
            ["description"] = "",
            ["categoryId"] = ListingTestKit.CategoryId(categoryId),
            ["condition"] = condition,
            ["location"] = new { latitude = point.Latitude, longitude = point.Longitude },
            ["placeName"] = "Lyon",
            ["wants"] = Array.Empty<string>(),
            ["wantedCategoryIds"] = Array.Empty<string>(),
        });
    }

    /// <summary>Reads the member's matches until <paramref name="done"/> holds (the worker runs in the background), or fails after 30 s.</summary>
    public static async Task<JsonNode> WaitForMatchesAsync(GraphQLClient client, Func<JsonArray, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var matches = (await client.PostAsync(MyMatches, new { first = 100 })).EnsureNoErrors().Data!["me"]!["savedSearchMatches"]!;
            if (done(matches["nodes"]!.AsArray())) return matches;
            Assert.True(DateTime.UtcNow < deadline, $"Matches never reached the expected state: {matches.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    public static List<string> MatchedListingIds(JsonNode matches) =>
        matches["nodes"]!.AsArray().Select(n => Str(n!["listing"]!["id"])).ToList();

    /// <summary>Whether the outbox holds no pending job: every listing change so far has been processed.</summary>
    public static async Task<int> PendingJobsAsync(TrocAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<TrocDbContext>>().CreateDbContextAsync();
        return await db.SavedSearchJobs.CountAsync(j => j.ProcessedAt == null);
    }

    public static string Id(JsonNode? node) => Str(node!["id"]);

    public static string GlobalListingId(Guid id) => GlobalId.Encode("Listing", id.ToString("N"));
}
