using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Users;

public sealed class PasswordTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    private const string NewPassword = "le chat dort sur le radiateur";

    [Fact]
    public async Task RequestPasswordReset_answers_alike_for_known_and_unknown_addresses_and_mails_only_the_known()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var unknown = UniqueEmail("ghost");

        var known = await Timed(() => client.PostAsync(RequestPasswordReset, new { input = new { email = account.Email } }));
        var ghost = await Timed(() => client.PostAsync(RequestPasswordReset, new { input = new { email = unknown } }));

        Assert.Equal(known.Response.Body, ghost.Response.Body);
        Assert.True(known.Response.EnsureNoErrors().Data!["requestPasswordReset"]!["accepted"]!.GetValue<bool>());
        known.Response.MatchSnapshot();
        // Both wait out the configured floor (300 ms), which hides the lookup and the insert.
        Assert.True(known.Elapsed >= TimeSpan.FromMilliseconds(290), known.Elapsed.ToString());
        Assert.True(ghost.Elapsed >= TimeSpan.FromMilliseconds(290), ghost.Elapsed.ToString());

        var mail = await WaitForMailAsync(app.OutboxDirectory, account.Email, "Réinitialisez");
        Assert.Contains("http://localhost:5000/reset-password?token=", mail.TextBody);
        Assert.Contains("1 heure", mail.TextBody);
        await Task.Delay(300);
        Assert.DoesNotContain(ReadMail(app.OutboxDirectory), m => m.To.Mailboxes.Any(a => a.Address == unknown));

        var invalid = await client.PostAsync(RequestPasswordReset, new { input = new { email = "nope" } });
        Assert.Equal(["INVALID_INPUT"], ErrorCodes(invalid.EnsureNoErrors().Data!["requestPasswordReset"]));
    }

    [Fact]
    public async Task ResetPassword_sets_the_password_once_and_ends_every_session()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var other = await LoginAsync(client, account.Email, account.Password);
        await client.PostAsync(RequestPasswordReset, new { input = new { email = account.Email } });
        var token = TokenFromLink(await WaitForMailAsync(app.OutboxDirectory, account.Email, "Réinitialisez"), "/reset-password");

        var weak = await client.PostAsync(ResetPassword, new { input = new { token, newPassword = "azerty123" } });
        Assert.Equal(["WEAK_PASSWORD"], ErrorCodes(weak.EnsureNoErrors().Data!["resetPassword"]));
        weak.MatchSnapshot(name: "weak");

        // A refused password did not spend the link.
        var reset = await client.PostAsync(ResetPassword, new { input = new { token, newPassword = NewPassword } });
        Assert.Empty(reset.EnsureNoErrors().Data!["resetPassword"]!["errors"]!.AsArray());
        reset.MatchSnapshot(o => o.IgnoreField("data.resetPassword.user.id"));

        var again = await client.PostAsync(ResetPassword, new { input = new { token, newPassword = NewPassword + "!" } });
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(again.EnsureNoErrors().Data!["resetPassword"]));
        foreach (var session in new[] { account, other })
        {
            Assert.Equal(401, (await client.As(session.AccessToken).PostAsync(Me)).StatusCode);
            var refresh = await client.As(null).PostAsync(Refresh, new { input = new { refreshToken = session.RefreshToken } });
            Assert.Equal(["INVALID_TOKEN"], ErrorCodes(refresh.EnsureNoErrors().Data!["refreshToken"]));
        }
        var oldPassword = await client.PostAsync(Login, new { input = new { email = account.Email, password = account.Password } });
        Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(oldPassword.EnsureNoErrors().Data!["login"]));
        await LoginAsync(client, account.Email, NewPassword);
        Assert.Equal("Votre mot de passe a été modifié", (await WaitForMailAsync(app.OutboxDirectory, account.Email, "modifié")).Subject);
    }

    [Fact]
    public async Task An_expired_reset_link_is_refused()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        await client.PostAsync(RequestPasswordReset, new { input = new { email = account.Email } });
        var token = TokenFromLink(await WaitForMailAsync(app.OutboxDirectory, account.Email, "Réinitialisez"), "/reset-password");
        var hash = Troc.Domain.Users.SecureToken.Hash(token);
        await AccountDatabase.ExecuteAsync(app, db => db.AccountTokens.Where(t => t.TokenHash == hash)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));

        var expired = await client.PostAsync(ResetPassword, new { input = new { token, newPassword = NewPassword } });

        Assert.Equal(["TOKEN_EXPIRED"], ErrorCodes(expired.EnsureNoErrors().Data!["resetPassword"]));
        var verifyToken = TokenFromLink(await WaitForMailAsync(app.OutboxDirectory, account.Email, "Confirmez"), "/verify-email");
        var wrongPurpose = await client.PostAsync(ResetPassword, new { input = new { token = verifyToken, newPassword = NewPassword } });
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(wrongPurpose.EnsureNoErrors().Data!["resetPassword"]));
    }

    [Fact]
    public async Task ChangePassword_checks_the_current_one_and_ends_the_other_sessions_only()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var other = await LoginAsync(client, account.Email, account.Password);
        client.As(account.AccessToken);

        var wrong = await client.PostAsync(ChangePassword, new { input = new { currentPassword = "pas le bon", newPassword = NewPassword } });
        Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(wrong.EnsureNoErrors().Data!["changePassword"]));
        var same = await client.PostAsync(ChangePassword, new { input = new { currentPassword = account.Password, newPassword = account.Password } });
        Assert.Equal("SAME_AS_CURRENT", Str(same.EnsureNoErrors().Data!["changePassword"]!["errors"]![0]!["reason"]));
        var weak = await client.PostAsync(ChangePassword, new { input = new { currentPassword = account.Password, newPassword = "short" } });
        Assert.Equal("TOO_SHORT", Str(weak.EnsureNoErrors().Data!["changePassword"]!["errors"]![0]!["reason"]));

        var changed = await client.PostAsync(ChangePassword, new { input = new { currentPassword = account.Password, newPassword = NewPassword } });

        Assert.Empty(changed.EnsureNoErrors().Data!["changePassword"]!["errors"]!.AsArray());
        changed.MatchSnapshot(o => o.IgnoreField("data.changePassword.user.id"));
        (await client.PostAsync(Me)).EnsureNoErrors(); // this session stays
        Assert.Equal(401, (await client.As(other.AccessToken).PostAsync(Me)).StatusCode);
        var anonymous = await client.As(null).PostAsync(ChangePassword, new { input = new { currentPassword = "x", newPassword = NewPassword } });
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], GraphQLErrorCodes(anonymous));
        await LoginAsync(client, account.Email, NewPassword);
    }

    private static async Task<(GraphQLResponse Response, TimeSpan Elapsed)> Timed(Func<Task<GraphQLResponse>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await call();
        return (response, Stopwatch.GetElapsedTime(started));
    }
}
