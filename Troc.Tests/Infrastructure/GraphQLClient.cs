using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;

namespace Troc.Tests.Infrastructure;

/// <summary>Runs operations against /graphql the way a frontend would: POST JSON, read the JSON response.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http => http;

    public string? AccessToken { get; set; }

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (AccessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, body, JsonNode.Parse(body)!.AsObject());
    }
}

public sealed record GraphQLResponse(int StatusCode, string Body, JsonObject Json)
{
    public JsonNode? Data => Json["data"];

    public JsonArray? Errors => Json["errors"]?.AsArray();

    /// <summary>
    /// Snapshots the response body as indented JSON (named after the calling test). Ignore volatile fields
    /// (tokens, dates) with <paramref name="options"/>, e.g. <c>o => o.IgnoreField("data.login.accessToken")</c>.
    /// </summary>
    public void MatchSnapshot(Func<MatchOptions, MatchOptions>? options = null, string? name = null)
    {
        options ??= o => o;
        var json = JToken.Parse(Body);
        if (name is null) Snapshot.Match(json, options);
        else Snapshot.Match(json, new SnapshotNameExtension(name), options);
    }

    /// <summary>Fails with the server's errors in the message when the operation did not succeed cleanly.</summary>
    public GraphQLResponse EnsureNoErrors()
    {
        Assert.True(Errors is null || Errors.Count == 0, $"GraphQL errors: {Errors?.ToJsonString()}");
        Assert.Equal(200, StatusCode);
        return this;
    }
}
