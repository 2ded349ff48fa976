using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Troc.Graph.Mail;
using Troc.Tests.Infrastructure;
using static Troc.Tests.Users.AccountTestKit;

namespace Troc.Tests.Mail;

public sealed class OutboxMailTests(TrocAppFactory app) : IClassFixture<TrocAppFactory>
{
    [Fact]
    public async Task Without_smtp_each_message_is_an_eml_file_in_the_outbox()
    {
        Assert.IsType<OutboxEmailSender>(app.Services.GetRequiredService<IEmailSender>());
        var account = await RegisterAsync(app.CreateGraphQLClient(), displayName: "Hugo");

        var message = await WaitForMailAsync(app.OutboxDirectory, account.Email);

        Assert.Equal("Hugo", message.To.Mailboxes.Single().Name);
        Assert.Equal("no-reply@troc.local", message.From.Mailboxes.Single().Address);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
        Assert.DoesNotContain(Directory.GetFiles(app.OutboxDirectory), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void French_templates_name_their_duration_and_link_to_the_web_app()
    {
        var mails = app.Services.GetRequiredService<AccountMails>();

        var reset = mails.PasswordReset("a@exemple.fr", "Ana", "TOKEN", TimeSpan.FromHours(1));
        var verify = mails.Verification("a@exemple.fr", "Ana", "TOKEN", TimeSpan.FromHours(48));
        var changed = mails.PasswordChanged("a@exemple.fr", "Ana");

        Assert.Equal("http://localhost:5000/reset-password?token=TOKEN", reset.Link);
        Assert.Contains("valable 1 heure", reset.Text);
        Assert.Equal("http://localhost:5000/verify-email?token=TOKEN", verify.Link);
        Assert.Contains("valable 48 heures", verify.Html);
        Assert.Null(changed.Link);
        Assert.Contains("vos autres sessions ont été fermées", changed.Text);
    }
}
