using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Troc.Tests.Infrastructure;
using Troc.Tests.Users;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Authorization;

/// <summary>Forged and stale access tokens are refused with 401, never served as anonymous or as someone else.</summary>
public sealed class TamperedTokenTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    public static TheoryData<string> Tamperings => ["changed payload", "alg none", "wrong key", "expired", "wrong audience", "wrong issuer", "not a jwt", "HS512 confusion"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task A_tampered_token_is_refused_over_HTTP(string tampering)
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var token = Tamper(account.AccessToken, tampering);

        var response = await client.As(token).PostAsync(Me);

        Assert.Equal(401, response.StatusCode);
        Assert.Null(response.Json["data"]);
        var expectedCode = tampering == "expired" ? "AUTH_TOKEN_EXPIRED" : "AUTH_INVALID_TOKEN";
        Assert.Equal([expectedCode], GraphQLErrorCodes(response));
        Assert.Contains("invalid_token", Assert.Single(await WwwAuthenticate(client, token)));
        if (tampering is "changed payload" or "expired") response.MatchSnapshot(name: tampering.Replace(' ', '-'));
    }

    [Fact]
    public async Task The_untampered_token_works_and_other_schemes_are_refused()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        (await client.As(account.AccessToken).PostAsync(Me)).EnsureNoErrors();

        using var basic = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ me { id } }\"}", Encoding.UTF8, "application/json") };
        basic.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");
        var response = await client.Http.SendAsync(basic);
        Assert.Equal(401, (int)response.StatusCode);
    }

    /// <summary>Builds a forged variant of a genuine token.</summary>
    public static string Tamper(string token, string tampering)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        switch (tampering)
        {
            case "changed payload":
                payload["role"] = "Admin";
                return $"{parts[0]}.{Encode(payload.ToJsonString())}.{parts[2]}";
            case "alg none":
                return $"{Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Encode(payload.ToJsonString())}.";
            case "wrong key":
                return Sign(payload, new byte[32], SecurityAlgorithms.HmacSha256);
            case "expired":
                payload["iat"] = DateTimeOffset.UtcNow.AddMinutes(-40).ToUnixTimeSeconds();
                payload["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-40).ToUnixTimeSeconds();
                payload["exp"] = DateTimeOffset.UtcNow.AddMinutes(-25).ToUnixTimeSeconds();
                return Sign(payload, Convert.FromBase64String(TrocAppFactory.TestSigningKey), SecurityAlgorithms.HmacSha256);
            case "wrong audience":
                payload["aud"] = "someone-else";
                return Sign(payload, Convert.FromBase64String(TrocAppFactory.TestSigningKey), SecurityAlgorithms.HmacSha256);
            case "wrong issuer":
                payload["iss"] = "evil";
                return Sign(payload, Convert.FromBase64String(TrocAppFactory.TestSigningKey), SecurityAlgorithms.HmacSha256);
            case "HS512 confusion":
                // Right key, another algorithm: only HS256 is accepted.
                return Sign(payload, Convert.FromBase64String(TrocAppFactory.TestSigningKey).Concat(new byte[32]).ToArray(), SecurityAlgorithms.HmacSha512);
            default:
                return "not-a-jwt";
        }
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static string Sign(JsonObject payload, byte[] key, string algorithm) =>
        new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(new SymmetricSecurityKey(key), algorithm));

    private static async Task<IEnumerable<string>> WwwAuthenticate(GraphQLClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ me { id } }\"}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await client.Http.SendAsync(request);
        return response.Headers.WwwAuthenticate.Select(h => h.ToString());
    }
}
