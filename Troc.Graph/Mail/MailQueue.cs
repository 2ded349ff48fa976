using System.Threading.Channels;

namespace Troc.Graph.Mail;

/// <summary>
/// Mail leaves from a background queue, never inside the request: an SMTP round trip would make a mutation slow,
/// and make its timing reveal whether a message was sent (requestPasswordReset must not tell who has an account).
/// </summary>
public sealed class MailQueue
{
    private readonly Channel<EmailMessage> _channel = Channel.CreateUnbounded<EmailMessage>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(EmailMessage message)
    {
        if (!_channel.Writer.TryWrite(message)) throw new InvalidOperationException("The mail queue is closed.");
    }

    internal ChannelReader<EmailMessage> Reader => _channel.Reader;
}

/// <summary>Drains <see cref="MailQueue"/> through the configured sender, retrying a failed message a few times.</summary>
internal sealed class MailDispatcher(MailQueue queue, IEmailSender sender, ILogger<MailDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await sender.SendAsync(message, stoppingToken);
                    break;
                }
                catch (Exception exception) when (exception is not OperationCanceledException && attempt < RetryDelays.Length)
                {
                    logger.LogWarning(exception, "Sending mail to {To} failed (attempt {Attempt}); retrying", message.To, attempt + 1);
                    await Task.Delay(RetryDelays[attempt], stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Mail to {To} ({Subject}) could not be sent; giving up", message.To, message.Subject);
                    break;
                }
            }
        }
    }
}
