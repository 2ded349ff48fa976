using Troc.Tests.Infrastructure;
using Troc.Tests.Transport.WebSockets;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Users;

/// <summary>Issue 3's "done when": one member's whole account life, as a client lives it.</summary>
public sealed class JourneyTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task Register_verify_login_refresh_replay_reset_and_every_old_token_is_refused()
    {
        var client = app.CreateGraphQLClient();
        const string newPassword = "mon vélo bleu roule encore";

        // 1. Register.
        var registered = await RegisterAsync(client, UniqueEmail("journey"), displayName: "Inès");

        // 2. Read the mail from the outbox, 3. verify.
        var verification = await WaitForMailAsync(app.OutboxDirectory, registered.Email, "Confirmez");
        var verify = await client.PostAsync(VerifyEmail, new { input = new { token = TokenFromLink(verification, "/verify-email") } });
        Assert.True(verify.EnsureNoErrors().Data!["verifyEmail"]!["user"]!["emailVerified"]!.GetValue<bool>());

        // 4. Login.
        var login = await LoginAsync(client, registered.Email, registered.Password);
        var me = await client.As(login.AccessToken).PostAsync(Me);
        Assert.True(me.EnsureNoErrors().Data!["me"]!["emailVerified"]!.GetValue<bool>());

        // 5. Refresh.
        var refreshed = await client.As(null).PostAsync(Refresh, new { input = new { refreshToken = login.RefreshToken } });
        var refreshedPayload = refreshed.EnsureNoErrors().Data!["refreshToken"]!;
        Assert.Empty(refreshedPayload["errors"]!.AsArray());
        var refreshedAccess = Str(refreshedPayload["accessToken"]);
        var refreshedRefresh = Str(refreshedPayload["refreshToken"]);
        (await client.As(refreshedAccess).PostAsync(Me)).EnsureNoErrors();

        // 6. Reuse the old refresh token: the family is revoked, the newer tokens of that login with it.
        var replay = await client.As(null).PostAsync(Refresh, new { input = new { refreshToken = login.RefreshToken } });
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(replay.EnsureNoErrors().Data!["refreshToken"]));
        Assert.Equal(401, (await client.As(refreshedAccess).PostAsync(Me)).StatusCode);
        var afterReplay = await client.As(null).PostAsync(Refresh, new { input = new { refreshToken = refreshedRefresh } });
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(afterReplay.EnsureNoErrors().Data!["refreshToken"]));
        // The registration's own session is another family: still alive until the reset.
        (await client.As(registered.AccessToken).PostAsync(Me)).EnsureNoErrors();

        // 7. Reset the password.
        await client.As(null).PostAsync(RequestPasswordReset, new { input = new { email = registered.Email } });
        var resetMail = await WaitForMailAsync(app.OutboxDirectory, registered.Email, "Réinitialisez");
        var reset = await client.PostAsync(ResetPassword, new { input = new { token = TokenFromLink(resetMail, "/reset-password"), newPassword } });
        Assert.Empty(reset.EnsureNoErrors().Data!["resetPassword"]!["errors"]!.AsArray());

        // 8. Every old token is refused: access tokens over HTTP and WebSocket, refresh tokens, the old password.
        foreach (var accessToken in new[] { registered.AccessToken, login.AccessToken, refreshedAccess })
        {
            var response = await client.As(accessToken).PostAsync(Me);
            Assert.Equal(401, response.StatusCode);
            await using var socket = await TransportWsTestClient.ConnectAsync(app.Server, ["graphql-transport-ws"]);
            await socket.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {accessToken}" } });
            Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Code);
        }
        foreach (var refreshToken in new[] { registered.RefreshToken, login.RefreshToken, refreshedRefresh })
        {
            var response = await client.As(null).PostAsync(Refresh, new { input = new { refreshToken } });
            Assert.Equal(["INVALID_TOKEN"], ErrorCodes(response.EnsureNoErrors().Data!["refreshToken"]));
        }
        var oldPassword = await client.PostAsync(Login, new { input = new { email = registered.Email, password = registered.Password } });
        Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(oldPassword.EnsureNoErrors().Data!["login"]));

        // ...and the new password opens a fresh session.
        var fresh = await LoginAsync(client, registered.Email, newPassword);
        var finalMe = await client.As(fresh.AccessToken).PostAsync(Me);
        finalMe.MatchSnapshot(o => o.IgnoreField("data.me.id").IgnoreField("data.me.email"));
    }
}
