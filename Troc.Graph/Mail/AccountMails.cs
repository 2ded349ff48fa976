using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace Troc.Graph.Mail;

/// <summary>The French account emails, each as text and HTML, with links to the web app's routes.</summary>
public sealed class AccountMails(IOptions<AppOptions> app)
{
    public string VerifyEmailLink(string token) => Link("/verify-email", token);

    public string ResetPasswordLink(string token) => Link("/reset-password", token);

    public EmailMessage Verification(string to, string displayName, string token, TimeSpan validFor)
    {
        var link = VerifyEmailLink(token);
        return Compose(to, displayName, "Confirmez votre adresse email",
            $"Bienvenue sur Troc, {displayName} !",
            ["Pour confirmer votre adresse email et profiter de tout Troc, ouvrez ce lien :"],
            ("Confirmer mon adresse", link),
            [$"Ce lien est valable {Duration(validFor)} et ne sert qu’une fois.", "Si vous n’avez pas créé de compte sur Troc, ignorez ce message."],
            link);
    }

    public EmailMessage EmailChange(string newEmail, string displayName, string token, TimeSpan validFor)
    {
        var link = VerifyEmailLink(token);
        return Compose(newEmail, displayName, "Confirmez votre nouvelle adresse email",
            $"Bonjour {displayName},",
            ["Vous avez demandé à utiliser cette adresse pour votre compte Troc. Pour confirmer le changement, ouvrez ce lien :"],
            ("Confirmer ma nouvelle adresse", link),
            [$"Ce lien est valable {Duration(validFor)} et ne sert qu’une fois. Tant que vous ne l’ouvrez pas, votre ancienne adresse reste celle du compte.",
             "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message."],
            link);
    }

    public EmailMessage EmailChangeNotice(string oldEmail, string displayName, string newEmail) =>
        Compose(oldEmail, displayName, "Changement d’adresse email demandé",
            $"Bonjour {displayName},",
            [$"Quelqu’un (sans doute vous) a demandé à remplacer l’adresse de votre compte Troc par {newEmail}. Le changement n’aura lieu que lorsque cette nouvelle adresse sera confirmée."],
            null,
            ["Si vous n’êtes pas à l’origine de cette demande, changez votre mot de passe sans attendre."]);

    public EmailMessage PasswordReset(string to, string displayName, string token, TimeSpan validFor)
    {
        var link = ResetPasswordLink(token);
        return Compose(to, displayName, "Réinitialisez votre mot de passe",
            $"Bonjour {displayName},",
            ["Vous avez demandé à réinitialiser le mot de passe de votre compte Troc. Pour en choisir un nouveau, ouvrez ce lien :"],
            ("Choisir un nouveau mot de passe", link),
            [$"Ce lien est valable {Duration(validFor)} et ne sert qu’une fois. Une fois le mot de passe changé, toutes vos sessions ouvertes seront fermées.",
             "Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé."],
            link);
    }

    public EmailMessage PasswordChanged(string to, string displayName) =>
        Compose(to, displayName, "Votre mot de passe a été modifié",
            $"Bonjour {displayName},",
            ["Le mot de passe de votre compte Troc vient d’être modifié, et vos autres sessions ont été fermées."],
            null,
            [$"Si vous n’êtes pas à l’origine de ce changement, réinitialisez votre mot de passe sans attendre depuis {app.Value.PublicUrl.TrimEnd('/')}/forgot-password."]);

    private string Link(string route, string token) => $"{app.Value.PublicUrl.TrimEnd('/')}{route}?token={Uri.EscapeDataString(token)}";

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? (span.TotalHours == 1 ? "1 heure" : $"{span.TotalHours:0} heures") : $"{Math.Ceiling(span.TotalMinutes):0} minutes";

    private static readonly HtmlEncoder HtmlText = HtmlEncoder.Create(UnicodeRanges.All);

    private static EmailMessage Compose(
        string to, string displayName, string subject, string greeting, string[] before, (string Label, string Url)? action, string[] after, string? link = null)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(greeting).AppendLine();
        foreach (var paragraph in before) text.AppendLine(paragraph).AppendLine();
        if (action is { } a) text.AppendLine(a.Url).AppendLine();
        foreach (var paragraph in after) text.AppendLine(paragraph).AppendLine();
        text.AppendLine("— L’équipe Troc");

        // Everything user-controlled (names, addresses) is encoded: a display name is not markup.
        // Accents stay readable in the source; only markup characters are encoded.
        static string E(string value) => HtmlText.Encode(value);
        var html = new System.Text.StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:Helvetica,Arial,sans-serif;color:#1f2937;background:#f9fafb;padding:24px\">");
        html.Append("<div style=\"max-width:560px;margin:auto;background:#fff;border-radius:8px;padding:32px\">");
        html.Append("<h1 style=\"font-size:20px;color:#047857\">Troc</h1>");
        html.Append("<p>").Append(E(greeting)).Append("</p>");
        foreach (var paragraph in before) html.Append("<p>").Append(E(paragraph)).Append("</p>");
        if (action is { } b)
        {
            html.Append("<p style=\"text-align:center;margin:32px 0\"><a href=\"").Append(E(b.Url))
                .Append("\" style=\"background:#047857;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none\">")
                .Append(E(b.Label)).Append("</a></p>");
            html.Append("<p style=\"font-size:12px;color:#6b7280\">Ou copiez ce lien dans votre navigateur : ").Append(E(b.Url)).Append("</p>");
        }
        foreach (var paragraph in after) html.Append("<p style=\"font-size:14px\">").Append(E(paragraph)).Append("</p>");
        html.Append("<p>— L’équipe Troc</p></div></body></html>");
        return new EmailMessage(to, displayName, subject, text.ToString(), html.ToString(), link);
    }
}
