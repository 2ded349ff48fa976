using Microsoft.EntityFrameworkCore;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Users;

public sealed class EmailVerificationTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task The_mailed_link_verifies_the_address_once_and_the_current_token_sees_it_at_once()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var token = TokenFromLink(await WaitForMailAsync(app.OutboxDirectory, account.Email), "/verify-email");

        var verify = await client.PostAsync(VerifyEmail, new { input = new { token } });

        var payload = verify.EnsureNoErrors().Data!["verifyEmail"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.True(payload["user"]!["emailVerified"]!.GetValue<bool>());
        verify.MatchSnapshot(o => o.IgnoreField("data.verifyEmail.user.id").IgnoreField("data.verifyEmail.user.email"));
        // The access token was issued before verification; its live claims say verified now.
        var me = await client.As(account.AccessToken).PostAsync(Me);
        Assert.True(me.EnsureNoErrors().Data!["me"]!["emailVerified"]!.GetValue<bool>());

        var again = await client.As(null).PostAsync(VerifyEmail, new { input = new { token } });
        Assert.Equal(["INVALID_TOKEN"], ErrorCodes(again.EnsureNoErrors().Data!["verifyEmail"]));
        again.MatchSnapshot(name: "again");
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_a_new_one_can_be_requested()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var token = TokenFromLink(await WaitForMailAsync(app.OutboxDirectory, account.Email), "/verify-email");
        var hash = Troc.Domain.Users.SecureToken.Hash(token);
        await AccountDatabase.ExecuteAsync(app, db => db.AccountTokens.Where(t => t.TokenHash == hash)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));

        var expired = await client.PostAsync(VerifyEmail, new { input = new { token } });
        Assert.Equal(["TOKEN_EXPIRED"], ErrorCodes(expired.EnsureNoErrors().Data!["verifyEmail"]));
        expired.MatchSnapshot();

        var resend = await client.As(account.AccessToken).PostAsync(ResendVerificationEmail);
        Assert.Empty(resend.EnsureNoErrors().Data!["resendVerificationEmail"]!["errors"]!.AsArray());
        var second = TokenFromLink(await WaitForMailAsync(app.OutboxDirectory, account.Email, skip: 1), "/verify-email");
        Assert.NotEqual(token, second);
        var verify = await client.As(null).PostAsync(VerifyEmail, new { input = new { token = second } });
        Assert.Empty(verify.EnsureNoErrors().Data!["verifyEmail"]!["errors"]!.AsArray());

        var nothingToResend = await client.As(account.AccessToken).PostAsync(ResendVerificationEmail);
        Assert.Equal(["EMAIL_ALREADY_VERIFIED"], ErrorCodes(nothingToResend.EnsureNoErrors().Data!["resendVerificationEmail"]));
        nothingToResend.MatchSnapshot(name: "alreadyVerified");
    }

    [Fact]
    public async Task Resending_needs_a_signed_in_caller_and_garbage_tokens_are_invalid()
    {
        var client = app.CreateGraphQLClient();
        var anonymous = await client.PostAsync(ResendVerificationEmail);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], GraphQLErrorCodes(anonymous));
        Assert.Null(anonymous.Json["data"]);
        anonymous.MatchSnapshot();

        foreach (var token in new[] { "", "abc", new string('é', 5000), Troc.Domain.Users.SecureToken.Create() })
        {
            var response = await client.PostAsync(VerifyEmail, new { input = new { token } });
            Assert.Equal(["INVALID_TOKEN"], ErrorCodes(response.EnsureNoErrors().Data!["verifyEmail"]));
        }
    }
}
