using Troc.Tests.Infrastructure;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Users;

public sealed class RegisterTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task Register_creates_a_signed_in_account_and_mails_a_verification_link()
    {
        var client = app.CreateGraphQLClient();
        var email = UniqueEmail("alice");

        var response = await client.PostAsync(Register, new { input = new { email = "  " + email.ToUpperInvariant() + " ", password = GoodPassword, displayName = " Alice " } });

        response.EnsureNoErrors();
        var payload = response.Data!["register"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(email, Str(payload["user"]!["email"])); // trimmed, lower case
        Assert.Equal("Alice", Str(payload["user"]!["displayName"]));
        Assert.False(payload["user"]!["emailVerified"]!.GetValue<bool>());
        Assert.Equal(43, Str(payload["refreshToken"]).Length); // 256 bits, base64url
        var expiresIn = DateTime.Parse(Str(payload["accessTokenExpiresAt"])).ToUniversalTime() - DateTime.UtcNow;
        Assert.InRange(expiresIn.TotalMinutes, 13, 16);
        response.MatchSnapshot(options => options
            .IgnoreField("data.register.user.id").IgnoreField("data.register.user.email")
            .IgnoreField("data.register.accessToken").IgnoreField("data.register.accessTokenExpiresAt")
            .IgnoreField("data.register.refreshToken").IgnoreField("data.register.refreshTokenExpiresAt"));

        // The access token works at once.
        var me = await client.As(Str(payload["accessToken"])).PostAsync(Me);
        me.EnsureNoErrors();
        Assert.Equal(Str(payload["user"]!["id"]), Str(me.Data!["me"]!["id"]));

        var mail = await WaitForMailAsync(app.OutboxDirectory, email);
        Assert.Equal("Confirmez votre adresse email", mail.Subject);
        Assert.Contains("Bienvenue sur Troc, Alice", mail.TextBody);
        Assert.Contains("http://localhost:5000/verify-email?token=", mail.TextBody);
        Assert.Contains("http://localhost:5000/verify-email?token=", mail.HtmlBody);
        Assert.Equal(43, TokenFromLink(mail, "/verify-email").Length);
    }

    [Fact]
    public async Task Register_refuses_an_address_already_in_use_whatever_its_case()
    {
        var client = app.CreateGraphQLClient();
        var first = await RegisterAsync(client);

        var response = await client.PostAsync(Register, new { input = new { email = first.Email.ToUpperInvariant(), password = GoodPassword, displayName = "Bis" } });

        response.EnsureNoErrors();
        Assert.Null(response.Data!["register"]!["user"]);
        Assert.Null(response.Data["register"]!["accessToken"]);
        Assert.Equal(["EMAIL_TAKEN"], ErrorCodes(response.Data["register"]));
        response.MatchSnapshot();
    }

    [Theory]
    [InlineData("court", "TOO_SHORT")]
    [InlineData("azertyuiop", "TOO_COMMON")]
    [InlineData("motdepasse2024!", "TOO_COMMON")]
    [InlineData("Soleil123456", "TOO_COMMON")]
    [InlineData("aaaaaaaaaaaaaa", "TOO_COMMON")]
    [InlineData("{local}-secret-long", "CONTAINS_EMAIL")]
    public async Task Register_refuses_weak_passwords_with_the_reason(string password, string reason)
    {
        var client = app.CreateGraphQLClient();
        var email = UniqueEmail("weak");
        password = password.Replace("{local}", email.Split('@')[0]);

        var response = await client.PostAsync(Register, new { input = new { email, password, displayName = "Weak" } });

        response.EnsureNoErrors();
        var error = Assert.Single(response.Data!["register"]!["errors"]!.AsArray())!;
        Assert.Equal("WeakPasswordError", Str(error["__typename"]));
        Assert.Equal("WEAK_PASSWORD", Str(error["code"]));
        Assert.Equal(reason, Str(error["reason"]));
        Assert.Equal(10, error["minLength"]!.GetValue<int>());
        Assert.Null(response.Data["register"]!["user"]);
    }

    [Fact]
    public async Task Register_names_each_invalid_field()
    {
        var response = await app.CreateGraphQLClient().PostAsync(Register,
            new { input = new { email = "pas-une-adresse", password = GoodPassword, displayName = " " } });

        response.EnsureNoErrors();
        var errors = response.Data!["register"]!["errors"]!.AsArray();
        Assert.Equal(["email", "displayName"], errors.Select(e => Str(e!["field"])).ToArray());
        Assert.All(errors, e => Assert.Equal("INVALID_INPUT", Str(e!["code"])));
        response.MatchSnapshot();
    }

    [Fact]
    public async Task A_ten_megabyte_input_is_a_typed_error_not_a_crash()
    {
        var huge = new string('x', 10 * 1024 * 1024);
        var response = await app.CreateGraphQLClient().PostAsync(Register, new { input = new { email = huge, password = huge, displayName = huge } });

        Assert.NotEqual(500, response.StatusCode);
        if (response.Data?["register"] is { } payload)
            Assert.Contains("INVALID_INPUT", ErrorCodes(payload));
    }
}
