using Microsoft.Extensions.Options;
using Troc.Domain.Users;
using Troc.Graph.Transport.Authorization;

namespace Troc.Graph.Mail;

/// <summary>The account emails of the domain's use cases: composed by <see cref="AccountMails"/>, sent from <see cref="MailQueue"/>.</summary>
public sealed class QueuedAccountMail(AccountMails mails, MailQueue queue, IOptions<AuthOptions> auth) : IAccountMail
{
    public void SendVerification(User user, string token) =>
        queue.Enqueue(mails.Verification(user.Email, user.DisplayName, token, auth.Value.EmailVerificationLifetime));

    public void SendEmailChange(User user, string newEmail, string token) =>
        queue.Enqueue(mails.EmailChange(newEmail, user.DisplayName, token, auth.Value.EmailChangeLifetime));

    public void SendEmailChangeNotice(User user, string newEmail) =>
        queue.Enqueue(mails.EmailChangeNotice(user.Email, user.DisplayName, newEmail));

    public void SendPasswordReset(User user, string token) =>
        queue.Enqueue(mails.PasswordReset(user.Email, user.DisplayName, token, auth.Value.PasswordResetLifetime));

    public void SendPasswordChanged(User user) => queue.Enqueue(mails.PasswordChanged(user.Email, user.DisplayName));
}
