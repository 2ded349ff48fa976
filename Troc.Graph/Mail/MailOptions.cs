namespace Troc.Graph.Mail;

/// <summary>Configuration section `Mail`. With `Mail:Smtp:Host` set, mail goes out over SMTP; otherwise to the outbox folder.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "no-reply@troc.local";

    public string FromName { get; set; } = "Troc";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where the outbox sender writes `.eml` files (relative to the repository root).</summary>
    public string OutboxDirectory { get; set; } = ".troc/outbox";
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTls";

    public string? Username { get; set; }

    public string? Password { get; set; }
}

/// <summary>Configuration section `App`: where the web app lives, for links in emails.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    public string PublicUrl { get; set; } = "http://localhost:5000";
}
