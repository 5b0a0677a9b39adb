using MimeKit;

namespace CrmAlliance.Api.Features.Accounts.Email;

/// <summary>The account e-mails' wording: Danish first, English below, plain text (no links to click in a reset code).</summary>
public static class AccountEmails
{
    public static MimeMessage PasswordResetCode(string from, string to, string displayName, string code) => Compose(from, to,
        "Din kode til Aalborg Alliancens CRM / Your code for the Aalborg Alliance CRM",
        $"""
        Hej {displayName}

        Brug denne kode til at vælge en ny adgangskode på siden "Vælg ny adgangskode" (/nulstil-adgangskode) eller med POST /auth/resetPassword:

            {code}

        Koden virker i et døgn og kun én gang. Har du ikke bedt om den, kan du se bort fra denne e-mail.

        ---

        Use this code to choose a new password on the "Choose a new password" page (/nulstil-adgangskode) or with POST /auth/resetPassword:

            {code}

        The code works for one day and only once. If you did not ask for it, you can ignore this e-mail.
        """);

    public static MimeMessage Link(string from, string to, string displayName, string purposeDa, string purposeEn, string link) => Compose(from, to,
        $"{purposeDa} / {purposeEn}",
        $"""
        Hej {displayName}

        {purposeDa}: {link}

        ---

        {purposeEn}: {link}
        """);

    private static MimeMessage Compose(string from, string to, string subject, string body)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
