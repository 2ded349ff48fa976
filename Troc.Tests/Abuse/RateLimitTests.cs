using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Troc.Tests.Users;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Abuse;

public sealed class RateLimitTests(AbuseAppFactory app) : IClassFixture<AbuseAppFactory>
{
    private static void AssertRateLimited(Infrastructure.GraphQLResponse response, string mutation, int maxSeconds = 3600)
    {
        var error = Assert.Single(response.EnsureNoErrors().Data![mutation]!["errors"]!.AsArray())!;
        Assert.Equal("RATE_LIMITED", Str(error["code"]));
        Assert.InRange(error["retryAfterSeconds"]!.GetValue<int>(), 1, maxSeconds);
        Assert.True(DateTime.Parse(Str(error["retryAt"])).ToUniversalTime() > DateTime.UtcNow);
    }

    [Fact]
    public async Task Login_is_limited_per_account_whatever_the_address_it_comes_from()
    {
        var account = await RegisterAsync(app.CreateClientFrom("10.0.1.1"));
        for (var i = 0; i < 3; i++)
        {
            var attempt = await app.CreateClientFrom($"10.0.1.{10 + i}").PostAsync(Login, new { input = new { email = account.Email, password = "mauvais essai" } });
            Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(attempt.EnsureNoErrors().Data!["login"]));
        }

        var limited = await app.CreateClientFrom("10.0.1.99").PostAsync(Login, new { input = new { email = account.Email, password = account.Password } });

        AssertRateLimited(limited, "login");
        Assert.Null(limited.Data!["login"]!["accessToken"]);
        limited.MatchSnapshot(o => o.IgnoreField("data.login.errors[0].retryAfterSeconds").IgnoreField("data.login.errors[0].retryAt").IgnoreField("data.login.errors[0].message"));
    }

    [Fact]
    public async Task Login_is_limited_per_client_address_across_accounts()
    {
        var attacker = app.CreateClientFrom("10.0.2.1");
        for (var i = 0; i < 6; i++)
        {
            var attempt = await attacker.PostAsync(Login, new { input = new { email = UniqueEmail("target"), password = "123456789012" } });
            Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(attempt.EnsureNoErrors().Data!["login"]));
        }

        AssertRateLimited(await attacker.PostAsync(Login, new { input = new { email = UniqueEmail("target"), password = "123456789012" } }), "login");
        var honest = await app.CreateClientFrom("10.0.2.2").PostAsync(Login, new { input = new { email = UniqueEmail("someone"), password = "123456789012" } });
        Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(honest.EnsureNoErrors().Data!["login"]));
    }

    [Fact]
    public async Task Register_is_limited_per_client_address_and_per_address_registered()
    {
        var client = app.CreateClientFrom("10.0.3.1");
        for (var i = 0; i < 3; i++) await RegisterAsync(client);
        AssertRateLimited(await client.PostAsync(Register, new { input = new { email = UniqueEmail(), password = GoodPassword, displayName = "Quatre" } }), "register");

        var email = UniqueEmail("convoite");
        await RegisterAsync(app.CreateClientFrom("10.0.3.2"), email);
        var taken = await app.CreateClientFrom("10.0.3.3").PostAsync(Register, new { input = new { email, password = GoodPassword, displayName = "Bis" } });
        Assert.Equal(["EMAIL_TAKEN"], ErrorCodes(taken.EnsureNoErrors().Data!["register"]));
        AssertRateLimited(await app.CreateClientFrom("10.0.3.4").PostAsync(Register, new { input = new { email, password = GoodPassword, displayName = "Ter" } }), "register");
    }

    [Fact]
    public async Task Password_reset_requests_are_limited_per_address_alike_for_known_and_unknown_ones()
    {
        var account = await RegisterAsync(app.CreateClientFrom("10.0.4.1"));
        var unknown = UniqueEmail("inconnu");
        foreach (var email in new[] { account.Email, unknown })
        {
            for (var i = 0; i < 2; i++)
            {
                var accepted = await app.CreateClientFrom($"10.0.4.{20 + i}").PostAsync(RequestPasswordReset, new { input = new { email } });
                Assert.True(accepted.EnsureNoErrors().Data!["requestPasswordReset"]!["accepted"]!.GetValue<bool>());
            }
            var limited = await app.CreateClientFrom("10.0.4.30").PostAsync(RequestPasswordReset, new { input = new { email } });
            AssertRateLimited(limited, "requestPasswordReset");
            Assert.False(limited.Data!["requestPasswordReset"]!["accepted"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Resending_the_verification_email_is_limited_per_account()
    {
        var client = app.CreateClientFrom("10.0.5.1");
        var account = await RegisterAsync(client);
        client.As(account.AccessToken);
        for (var i = 0; i < 2; i++)
            Assert.Empty((await client.PostAsync(ResendVerificationEmail)).EnsureNoErrors().Data!["resendVerificationEmail"]!["errors"]!.AsArray());

        AssertRateLimited(await client.PostAsync(ResendVerificationEmail), "resendVerificationEmail");
    }

    [Fact]
    public async Task Counters_live_in_redis_so_that_every_replica_counts_together()
    {
        var client = app.CreateClientFrom("10.0.6.1");
        await client.PostAsync(Login, new { input = new { email = UniqueEmail(), password = "whatever-password" } });

        var redis = app.Services.GetRequiredService<IConnectionMultiplexer>();
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var keys = server.Keys(pattern: $"troc:{app.DatabaseName}:rl:Login:ip:10.0.6.1").ToList();
        var key = Assert.Single(keys);
        Assert.Equal(1, (long)await redis.GetDatabase().StringGetAsync(key));
        Assert.InRange((await redis.GetDatabase().KeyTimeToLiveAsync(key))!.Value.TotalSeconds, 1, 60);
    }
}

public sealed class GlobalRequestLimitTests(GlobalLimitAppFactory app) : IClassFixture<GlobalLimitAppFactory>
{
    [Fact]
    public async Task Past_the_limit_graphql_answers_429_with_the_delay_until_the_window_ends()
    {
        var client = app.CreateClientFrom("10.0.7.1");
        client.Http.DefaultRequestHeaders.Add("Origin", "https://app.troc.test");
        for (var i = 0; i < 5; i++) (await client.PostAsync("{ __typename }")).EnsureNoErrors();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json") };
        var response = await client.Http.SendAsync(request);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("https://app.troc.test", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("RATE_LIMITED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.InRange((int)body["errors"]![0]!["extensions"]!["retryAfterSeconds"]!, 1, 60);
        // Another client is not affected.
        (await app.CreateClientFrom("10.0.7.2").PostAsync("{ __typename }")).EnsureNoErrors();
    }
}

/// <summary>Behind docker-compose's nginx: the client address comes from X-Forwarded-For when configured to trust it.</summary>
public sealed class ForwardedForAppFactory : Infrastructure.TrocAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Abuse:RateLimitingEnabled"] = "true",
        ["Abuse:TrustForwardedFor"] = "true",
    };
}

public sealed class ForwardedForTests(ForwardedForAppFactory app) : IClassFixture<ForwardedForAppFactory>
{
    [Fact]
    public async Task Per_ip_counters_use_the_address_the_proxy_saw()
    {
        var client = app.CreateGraphQLClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9, 198.51.100.7");

        await client.PostAsync(Login, new { input = new { email = UniqueEmail(), password = "whatever-password" } });

        var redis = app.Services.GetRequiredService<IConnectionMultiplexer>();
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        // The last entry is the one the trusted proxy appended; earlier ones are the client's own claims.
        Assert.Single(server.Keys(pattern: $"troc:{app.DatabaseName}:rl:Login:ip:198.51.100.7"));
        Assert.Empty(server.Keys(pattern: $"troc:{app.DatabaseName}:rl:Login:ip:203.0.113.9"));
    }
}
