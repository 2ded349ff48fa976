using Troc.Tests.Infrastructure;
using Troc.Tests.Users;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Mail;

/// <summary>The host configured with Mail:Smtp:Host, pointed at a real SMTP server on loopback.</summary>
public sealed class SmtpAppFactory : TrocAppFactory
{
    public LoopbackSmtpServer Smtp { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:FromAddress"] = "bonjour@troc.test",
        ["App:PublicUrl"] = "https://troc.test/",
    };

    public async Task StartSmtpAsync() => Smtp ??= await LoopbackSmtpServer.StartAsync();

    // xunit disposes the fixture through IDisposable after IAsyncLifetime: the SMTP server goes with the host.
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

public sealed class SmtpMailTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.StartSmtpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Registration_mail_goes_out_over_smtp_in_french_as_text_and_html()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client, displayName: "Zoé <b>&</b>");

        var message = await app.Smtp.WaitForMessageToAsync(account.Email);

        Assert.Equal("bonjour@troc.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("Confirmez votre adresse email", message.Subject);
        Assert.Contains("Bienvenue sur Troc, Zoé <b>&</b> !", message.TextBody);
        Assert.Contains("Ce lien est valable 48 heures", message.TextBody);
        Assert.Contains("Zoé &lt;b&gt;&amp;&lt;/b&gt;", message.HtmlBody); // a display name is never markup
        Assert.DoesNotContain("<b>&</b>", message.HtmlBody);
        Assert.Contains("lang=\"fr\"", message.HtmlBody);
        var token = TokenFromLink(message, "https://troc.test/verify-email");
        Assert.Contains($"href=\"https://troc.test/verify-email?token={token}\"", message.HtmlBody);

        var verify = await client.PostAsync(VerifyEmail, new { input = new { token } });
        Assert.Empty(verify.EnsureNoErrors().Data!["verifyEmail"]!["errors"]!.AsArray());
        Assert.Empty(ReadMail(app.OutboxDirectory)); // SMTP configured: nothing in the outbox
    }

    [Fact]
    public async Task Reset_mail_goes_out_over_smtp_with_its_one_hour_link()
    {
        var client = app.CreateGraphQLClient();
        var account = await RegisterAsync(client);
        await app.Smtp.WaitForMessageToAsync(account.Email);

        await client.PostAsync(RequestPasswordReset, new { input = new { email = account.Email } });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var messages = Directory.Exists(Path.Combine(app.Smtp.MaildirPath, "new"))
                ? Directory.GetFiles(Path.Combine(app.Smtp.MaildirPath, "new")).Select(f => MimeKit.MimeMessage.Load(f)).ToList()
                : [];
            var reset = messages.FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == account.Email) && (m.Subject ?? "").StartsWith("Réinitialisez", StringComparison.Ordinal));
            if (reset is not null)
            {
                Assert.Contains("valable 1 heure", reset.TextBody);
                Assert.NotEmpty(TokenFromLink(reset, "https://troc.test/reset-password"));
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "no reset mail over SMTP");
            await Task.Delay(100);
        }
    }
}
