using Microsoft.EntityFrameworkCore;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Users;

public sealed class SessionTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task Refreshing_rotates_the_refresh_token_and_issues_a_new_access_token()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);

        var response = await client.PostAsync(Refresh, new { input = new { refreshToken = account.RefreshToken } });

        var payload = response.EnsureNoErrors().Data!["refreshToken"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.NotEqual(account.RefreshToken, Str(payload["refreshToken"]));
        Assert.NotEqual(account.AccessToken, Str(payload["accessToken"]));
        Assert.Equal(account.UserId, Str(payload["user"]!["id"]));
        response.MatchSnapshot(o => o.IgnoreField("data.refreshToken.user.id").IgnoreField("data.refreshToken.user.email")
            .IgnoreField("data.refreshToken.accessToken").IgnoreField("data.refreshToken.accessTokenExpiresAt")
            .IgnoreField("data.refreshToken.refreshToken").IgnoreField("data.refreshToken.refreshTokenExpiresAt"));

        var next = await client.PostAsync(Refresh, new { input = new { refreshToken = Str(payload["refreshToken"]) } });
        Assert.Empty(next.EnsureNoErrors().Data!["refreshToken"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task Reusing_a_refresh_token_revokes_its_whole_family_but_not_other_sessions()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var otherDevice = await LoginAsync(client, account.Email, account.Password);
        var rotated = await client.PostAsync(Refresh, new { input = new { refreshToken = account.RefreshToken } });
        var newRefresh = Str(rotated.EnsureNoErrors().Data!["refreshToken"]!["refreshToken"]);
        var newAccess = Str(rotated.Data!["refreshToken"]!["accessToken"]);

        var replay = await client.PostAsync(Refresh, new { input = new { refreshToken = account.RefreshToken } });

        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(replay.EnsureNoErrors().Data!["refreshToken"]));
        replay.MatchSnapshot();
        // The thief's copy and the victim's newer token alike are dead: the family is revoked...
        var afterReplay = await client.PostAsync(Refresh, new { input = new { refreshToken = newRefresh } });
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(afterReplay.EnsureNoErrors().Data!["refreshToken"]));
        Assert.Equal(401, (await client.As(newAccess).PostAsync(Me)).StatusCode);
        // ...while the other device's session goes on.
        (await client.As(otherDevice.AccessToken).PostAsync(Me)).EnsureNoErrors();
        var other = await client.As(null).PostAsync(Refresh, new { input = new { refreshToken = otherDevice.RefreshToken } });
        Assert.Empty(other.EnsureNoErrors().Data!["refreshToken"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task An_expired_or_unknown_refresh_token_is_refused_with_its_own_code()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var hash = Troc.Domain.Users.SecureToken.Hash(account.RefreshToken);
        await AccountDatabase.ExecuteAsync(app, db => db.RefreshTokens.Where(t => t.TokenHash == hash)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        var expired = await client.PostAsync(Refresh, new { input = new { refreshToken = account.RefreshToken } });
        var unknown = await client.PostAsync(Refresh, new { input = new { refreshToken = Troc.Domain.Users.SecureToken.Create() } });
        var garbage = await client.PostAsync(Refresh, new { input = new { refreshToken = new string('x', 100_000) } });

        Assert.Equal(["TOKEN_EXPIRED"], ErrorCodes(expired.EnsureNoErrors().Data!["refreshToken"]));
        expired.MatchSnapshot();
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(unknown.EnsureNoErrors().Data!["refreshToken"]));
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(garbage.EnsureNoErrors().Data!["refreshToken"]));
    }

    [Fact]
    public async Task Logout_ends_the_session_of_the_refresh_token_and_its_access_tokens()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var otherDevice = await LoginAsync(client, account.Email, account.Password);

        var logout = await client.PostAsync(Logout, new { input = new { refreshToken = account.RefreshToken } });

        Assert.True(logout.EnsureNoErrors().Data!["logout"]!["loggedOut"]!.GetValue<bool>());
        logout.MatchSnapshot();
        var refresh = await client.PostAsync(Refresh, new { input = new { refreshToken = account.RefreshToken } });
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(refresh.EnsureNoErrors().Data!["refreshToken"]));
        var me = await client.As(account.AccessToken).PostAsync(Me);
        Assert.Equal(401, me.StatusCode);
        Assert.Equal("AUTH_SESSION_REVOKED", GraphQLErrorCodes(me).Single());
        (await client.As(otherDevice.AccessToken).PostAsync(Me)).EnsureNoErrors();

        var unknown = await client.As(null).PostAsync(Logout, new { input = new { refreshToken = "nope" } });
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(unknown.EnsureNoErrors().Data!["logout"]));
        Assert.False(unknown.Data!["logout"]!["loggedOut"]!.GetValue<bool>());
    }

    [Fact]
    public async Task LogoutEverywhere_ends_every_session_and_requires_a_signed_in_caller()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var second = await LoginAsync(client, account.Email, account.Password);
        var third = await LoginAsync(client, account.Email, account.Password);

        var anonymous = await client.As(null).PostAsync(LogoutEverywhere);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], GraphQLErrorCodes(anonymous));
        Assert.Null(anonymous.Json["data"]);

        var response = await client.As(second.AccessToken).PostAsync(LogoutEverywhere);

        Assert.Equal(3, response.EnsureNoErrors().Data!["logoutEverywhere"]!["endedSessions"]!.GetValue<int>());
        response.MatchSnapshot();
        foreach (var session in new[] { account, second, third })
        {
            Assert.Equal(401, (await client.As(session.AccessToken).PostAsync(Me)).StatusCode);
            var refresh = await client.As(null).PostAsync(Refresh, new { input = new { refreshToken = session.RefreshToken } });
            Assert.Equal(["INVALID_TOKEN"], ErrorCodes(refresh.EnsureNoErrors().Data!["refreshToken"]));
        }
        await LoginAsync(client, account.Email, account.Password); // signing in again works
    }
}
