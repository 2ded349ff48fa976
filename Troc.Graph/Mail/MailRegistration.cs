using Troc.Domain.Users;

namespace Troc.Graph.Mail;

public static class MailRegistration
{
    /// <summary>
    /// Mail, sent from a background queue: over SMTP when `Mail:Smtp:Host` is set, else as `.eml` files in the outbox
    /// folder. The account mails are the domain's <see cref="IAccountMail"/>.
    /// </summary>
    public static WebApplicationBuilder AddTrocMail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));
        services.AddSingleton<AccountMails>();
        services.AddSingleton<MailQueue>();
        services.AddSingleton<IAccountMail, QueuedAccountMail>();
        services.AddHostedService<MailDispatcher>();
        if (!string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"]))
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        else
            services.AddSingleton<IEmailSender, OutboxEmailSender>();
        return builder;
    }
}
