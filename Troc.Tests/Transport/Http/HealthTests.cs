using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;
using StackExchange.Redis;
using Troc.Tests.Infrastructure;

namespace Troc.Tests.Transport.Http;

public static class Health
{
    public static async Task<(int StatusCode, string Body, JsonNode Json)> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body, JsonNode.Parse(body)!);
    }

    /// <summary>Durations vary from run to run; everything else in the report is stable.</summary>
    public static string WithoutDurations(JsonNode json)
    {
        var copy = json.DeepClone();
        foreach (var (_, check) in copy["checks"]!.AsObject())
            check!.AsObject().Remove("durationMs");
        return copy.ToJsonString();
    }

    /// <summary>An empty Redis:Configuration selects the in-memory bus and registers no multiplexer.</summary>
    public static IDictionary<string, string?> WithoutRedis => new Dictionary<string, string?> { ["Redis:Configuration"] = "" };

    public static string Status(this JsonNode json, string check) => json["checks"]![check]!["status"]!.GetValue<string>();

    public static string Description(this JsonNode json, string check) => json["checks"]![check]!["description"]!.GetValue<string>();
}

public sealed class HealthWithoutRedisTests(HealthWithoutRedisTests.NoRedisApp app) : IClassFixture<HealthWithoutRedisTests.NoRedisApp>
{
    public sealed class NoRedisApp : TrocAppFactory
    {
        protected override IDictionary<string, string?> Settings => Health.WithoutRedis;
    }

    [Fact]
    public async Task Healthy_with_postgres_answering_and_redis_not_configured()
    {
        var (status, _, json) = await Health.GetAsync(app.CreateClient());

        Assert.Equal(200, status);
        Assert.Equal("Healthy", json["status"]!.GetValue<string>());
        Assert.Equal("Healthy", json.Status("postgres"));
        Assert.Equal("not configured", json.Description("redis"));
        Snapshot.Match(JToken.Parse(Health.WithoutDurations(json)));
    }
}

public sealed class HealthWithRedisTests(HealthWithRedisTests.RedisApp app) : IClassFixture<HealthWithRedisTests.RedisApp>
{
    /// <summary>The default test host: Redis:Configuration is set, so the realtime bus registers the multiplexer.</summary>
    public sealed class RedisApp : TrocAppFactory;

    [Fact]
    public async Task Healthy_when_the_registered_redis_answers_ping()
    {
        var (status, _, json) = await Health.GetAsync(app.CreateClient());

        Assert.Equal(200, status);
        Assert.Equal("Healthy", json.Status("redis"));
        Assert.Equal("PING answered", json.Description("redis"));
    }
}

public sealed class HealthWithRedisDownTests(HealthWithRedisDownTests.RedisDownApp app) : IClassFixture<HealthWithRedisDownTests.RedisDownApp>
{
    public sealed class RedisDownApp : TrocAppFactory
    {
        // The bus stays in memory (it refuses to start without Redis); only the health check sees the lost Redis.
        protected override IDictionary<string, string?> Settings => Health.WithoutRedis;

        protected override void ConfigureTestServices(IServiceCollection services) =>
            // Nothing listens on port 1; abortConnect=false gives a multiplexer that keeps retrying, as after an outage.
            services.AddSingleton<IConnectionMultiplexer>(_ =>
                ConnectionMultiplexer.Connect("127.0.0.1:1,abortConnect=false,connectTimeout=200"));
    }

    [Fact]
    public async Task Unhealthy_503_when_the_registered_redis_is_unreachable()
    {
        var (status, _, json) = await Health.GetAsync(app.CreateClient());

        Assert.Equal(503, status);
        Assert.Equal("Unhealthy", json["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", json.Status("redis"));
        Assert.Equal("Healthy", json.Status("postgres"));
    }
}

public sealed class HealthWithPostgresDownTests(HealthWithPostgresDownTests.PostgresDownApp app)
    : IClassFixture<HealthWithPostgresDownTests.PostgresDownApp>
{
    public sealed class PostgresDownApp : TrocAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(Health.WithoutRedis)
        {
            ["ConnectionStrings:Troc"] = "Host=127.0.0.1;Port=1;Database=troc;Username=troc-admin;Password=s3cret-pg;Timeout=2",
        };
    }

    [Fact]
    public async Task Unhealthy_503_when_postgres_does_not_answer_and_no_connection_detail_leaks()
    {
        var (status, body, json) = await Health.GetAsync(app.CreateClient());

        Assert.Equal(503, status);
        Assert.Equal("Unhealthy", json["status"]!.GetValue<string>());
        Assert.Equal("Unhealthy", json.Status("postgres"));
        Assert.Equal("PostgreSQL did not answer", json.Description("postgres"));
        Assert.DoesNotContain("s3cret", body);
        Assert.DoesNotContain("troc-admin", body);
        Assert.DoesNotContain("127.0.0.1", body);
    }
}
