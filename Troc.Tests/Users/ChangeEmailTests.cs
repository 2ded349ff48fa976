using Troc.Tests.Infrastructure;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Users;

public sealed class ChangeEmailTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task The_new_address_takes_over_once_its_link_is_opened()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client, displayName: "Chloé");
        var newEmail = UniqueEmail("nouvelle");
        client.As(account.AccessToken);

        var change = await client.PostAsync(ChangeEmail, new { input = new { newEmail = newEmail.ToUpperInvariant(), password = account.Password } });

        var user = change.EnsureNoErrors().Data!["changeEmail"]!["user"]!;
        Assert.Equal(account.Email, Str(user["email"])); // not yet
        Assert.Equal(newEmail, Str(user["pendingEmail"]));
        change.MatchSnapshot(o => o.IgnoreField("data.changeEmail.user.id").IgnoreField("data.changeEmail.user.email").IgnoreField("data.changeEmail.user.pendingEmail"));
        var notice = await WaitForMailAsync(app.OutboxDirectory, account.Email, "Changement");
        Assert.Contains(newEmail, notice.TextBody);
        var token = TokenFromLink(await WaitForMailAsync(app.OutboxDirectory, newEmail), "/verify-email");

        var verify = await client.As(null).PostAsync(VerifyEmail, new { input = new { token } });

        var verified = verify.EnsureNoErrors().Data!["verifyEmail"]!["user"]!;
        Assert.Equal(newEmail, Str(verified["email"]));
        Assert.True(verified["emailVerified"]!.GetValue<bool>());
        Assert.Null(verified["pendingEmail"]);
        await LoginAsync(client, newEmail, account.Password);
        var old = await client.PostAsync(Login, new { input = new { email = account.Email, password = account.Password } });
        Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(old.EnsureNoErrors().Data!["login"]));
    }

    [Fact]
    public async Task Each_failure_has_its_code()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var other = await RegisterAsync(client);
        client.As(account.AccessToken);

        var invalid = await client.PostAsync(ChangeEmail, new { input = new { newEmail = "pas une adresse", password = account.Password } });
        var same = await client.PostAsync(ChangeEmail, new { input = new { newEmail = account.Email, password = account.Password } });
        var wrongPassword = await client.PostAsync(ChangeEmail, new { input = new { newEmail = UniqueEmail(), password = "pas le bon" } });
        var taken = await client.PostAsync(ChangeEmail, new { input = new { newEmail = other.Email, password = account.Password } });
        var anonymous = await client.As(null).PostAsync(ChangeEmail, new { input = new { newEmail = UniqueEmail(), password = "x" } });

        Assert.Equal("newEmail", Str(invalid.EnsureNoErrors().Data!["changeEmail"]!["errors"]![0]!["field"]));
        Assert.Equal(["INVALID_INPUT"], ErrorCodes(same.EnsureNoErrors().Data!["changeEmail"]));
        Assert.Equal(["INVALID_CREDENTIALS"], ErrorCodes(wrongPassword.EnsureNoErrors().Data!["changeEmail"]));
        Assert.Equal(["EMAIL_TAKEN"], ErrorCodes(taken.EnsureNoErrors().Data!["changeEmail"]));
        taken.MatchSnapshot();
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], GraphQLErrorCodes(anonymous));
    }

    [Fact]
    public async Task An_address_taken_meanwhile_is_refused_at_confirmation()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        var wanted = UniqueEmail("convoitee");
        await client.As(account.AccessToken).PostAsync(ChangeEmail, new { input = new { newEmail = wanted, password = account.Password } });
        var token = TokenFromLink(await WaitForMailAsync(app.OutboxDirectory, wanted), "/verify-email");
        await RegisterAsync(client.As(null), wanted);

        var verify = await client.PostAsync(VerifyEmail, new { input = new { token } });

        Assert.Equal(["EMAIL_TAKEN"], ErrorCodes(verify.EnsureNoErrors().Data!["verifyEmail"]));
    }
}
