using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Troc.Domain.Users;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Users;

public sealed class LoginTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task Login_with_the_right_password_starts_a_new_session()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client, displayName: "Bruno");

        var response = await client.PostAsync(Login, new { input = new { email = " " + account.Email.ToUpperInvariant(), password = account.Password } });

        response.EnsureNoErrors();
        var payload = response.Data!["login"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(account.UserId, Str(payload["user"]!["id"]));
        Assert.NotEqual(account.RefreshToken, Str(payload["refreshToken"]));
        response.MatchSnapshot(o => o.IgnoreField("data.login.user.id").IgnoreField("data.login.user.email")
            .IgnoreField("data.login.accessToken").IgnoreField("data.login.accessTokenExpiresAt")
            .IgnoreField("data.login.refreshToken").IgnoreField("data.login.refreshTokenExpiresAt"));
        var me = await client.As(Str(payload["accessToken"])).PostAsync(Me);
        Assert.Equal("Bruno", Str(me.EnsureNoErrors().Data!["me"]!["displayName"]));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_address_give_the_same_error()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);

        var wrongPassword = await client.PostAsync(Login, new { input = new { email = account.Email, password = "pas le bon mot de passe" } });
        var unknownEmail = await client.PostAsync(Login, new { input = new { email = UniqueEmail("nobody"), password = "pas le bon mot de passe" } });

        Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(wrongPassword.EnsureNoErrors().Data!["login"]));
        Assert.Equal(wrongPassword.Body, unknownEmail.EnsureNoErrors().Body);
        Assert.Null(wrongPassword.Data!["login"]!["accessToken"]);
        wrongPassword.MatchSnapshot();
    }

    [Fact]
    public async Task Empty_fields_are_named()
    {
        var response = await app.CreateGraphQLClient().PostAsync(Login, new { input = new { email = "", password = "x" } });
        var error = Assert.Single(response.EnsureNoErrors().Data!["login"]!["errors"]!.AsArray())!;
        Assert.Equal("INVALID_INPUT", Str(error["code"]));
        Assert.Equal("email", Str(error["field"]));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostAsync(Login, new { input = new { email = account.Email, password = $"mauvais essai {i}" } });
            Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(wrong.EnsureNoErrors().Data!["login"]));
        }

        var fifth = await client.PostAsync(Login, new { input = new { email = account.Email, password = "mauvais essai 5" } });
        var right = await client.PostAsync(Login, new { input = new { email = account.Email, password = account.Password } });

        var locked = Assert.Single(fifth.EnsureNoErrors().Data!["login"]!["errors"]!.AsArray())!;
        Assert.Equal("ACCOUNT_LOCKED", Str(locked["code"]));
        var until = DateTime.Parse(Str(locked["lockedUntil"])).ToUniversalTime();
        Assert.InRange((until - DateTime.UtcNow).TotalMinutes, 14, 16);
        Assert.Equal(["ACCOUNT_LOCKED"], ErrorCodes(right.EnsureNoErrors().Data!["login"]));
        Assert.Null(right.Data!["login"]!["accessToken"]);
        fifth.MatchSnapshot(o => o.IgnoreField("data.login.errors[0].lockedUntil"));

        // Once the lock expires, the right password works again and the counter starts afresh.
        await AccountDatabase.ExecuteAsync(app, db => db.Users.Where(u => u.Email == account.Email)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LockedUntil, DateTime.UtcNow.AddSeconds(-1))));
        var afterLock = await client.PostAsync(Login, new { input = new { email = account.Email, password = account.Password } });
        Assert.Empty(afterLock.EnsureNoErrors().Data!["login"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task A_suspended_account_cannot_sign_in_refresh_or_use_its_tokens()
    {
        var client = app.CreateGraphQLClient();
        var member = await RegisterAsync(client);
        var admin = await RegisterAsync(client);
        await AccountDatabase.PromoteToAdminAsync(app, admin.UserId);

        var suspend = await client.As(admin.AccessToken).PostAsync(SuspendUser, new { input = new { userId = member.UserId, reason = "Annonces frauduleuses" } });
        Assert.Empty(suspend.EnsureNoErrors().Data!["suspendUser"]!["errors"]!.AsArray());

        var login = await client.As(null).PostAsync(Login, new { input = new { email = member.Email, password = member.Password } });
        Assert.Equal(["ACCOUNT_SUSPENDED"], ErrorCodes(login.EnsureNoErrors().Data!["login"]));
        login.MatchSnapshot();
        var wrongPassword = await client.PostAsync(Login, new { input = new { email = member.Email, password = "pas le bon mot de passe" } });
        Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(wrongPassword.EnsureNoErrors().Data!["login"])); // suspension not revealed to guessers
        var refresh = await client.PostAsync(Refresh, new { input = new { refreshToken = member.RefreshToken } });
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(refresh.EnsureNoErrors().Data!["refreshToken"])); // its session was ended
        var me = await client.As(member.AccessToken).PostAsync(Me);
        Assert.Equal(401, me.StatusCode);
    }

    [Fact]
    public async Task A_hash_in_an_older_format_is_upgraded_at_the_next_login()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var legacy = new PasswordHasher<User>(Microsoft.Extensions.Options.Options.Create(
            new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 })).HashPassword(null!, account.Password);
        await AccountDatabase.ExecuteAsync(app, db => db.Users.Where(u => u.Email == account.Email)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.PasswordHash, legacy)));

        await LoginAsync(client, account.Email, account.Password);

        string stored = "";
        await AccountDatabase.ExecuteAsync(app, async db => stored = await db.Users.Where(u => u.Email == account.Email).Select(u => u.PasswordHash).SingleAsync());
        Assert.NotEqual(legacy, stored);
        Assert.Equal(0x01, Convert.FromBase64String(stored)[0]); // Identity V3 format marker
        await LoginAsync(client, account.Email, account.Password); // still the same password
    }
}
