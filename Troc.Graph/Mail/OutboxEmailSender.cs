using Microsoft.Extensions.Options;

namespace Troc.Graph.Mail;

/// <summary>
/// The development default: each message becomes an `.eml` file in the outbox folder (open it with any mail
/// client) and its link is logged, so signing up works without a mail server.
/// </summary>
public sealed class OutboxEmailSender(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public string Directory { get; } = Transport.Authorization.SigningKeyProvider.ResolvePath(options.Value.OutboxDirectory, environment.ContentRootPath);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        // Sortable by time, unique without coordination.
        var path = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        var temporary = path + ".tmp";
        await using (var file = File.Create(temporary))
            await message.ToMime(options.Value).WriteToAsync(file, cancellationToken);
        // Renamed once complete, so that a reader never sees half a message.
        File.Move(temporary, path);
        logger.LogInformation("Mail to {To} written to {Path}: {Subject} {Link}", message.To, path, message.Subject, message.Link);
    }
}
