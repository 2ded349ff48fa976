using MimeKit;

namespace Troc.Graph.Mail;

/// <summary>One email, in French, as text and HTML. <see cref="Link"/> is the action link, logged by the outbox sender in development.</summary>
public sealed record EmailMessage(string To, string? ToName, string Subject, string Text, string Html, string? Link = null)
{
    public MimeMessage ToMime(MailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(ToName ?? "", To));
        message.Subject = Subject;
        message.Body = new BodyBuilder { TextBody = Text, HtmlBody = Html }.ToMessageBody();
        return message;
    }
}

/// <summary>Delivers one message now. Callers enqueue on <see cref="MailQueue"/> instead, which calls this off the request.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
