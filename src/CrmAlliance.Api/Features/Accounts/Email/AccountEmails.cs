using MimeKit;

namespace CrmAlliance.Api.Features.Accounts.Email;

/// <summary>
/// The account e-mails' wording: Danish first, English below, plain text. An invitation and a reset carry the same
/// kind of code, but read differently; both link to /nulstil-adgangskode with the address and the code filled in.
/// </summary>
public static class AccountEmails
{
    public static MimeMessage Invitation(string from, string to, string displayName, string link) => Compose(from, to,
        "Du er inviteret til CrmAlliance / You are invited to CrmAlliance",
        $"""
        Hej {displayName}

        Du er inviteret til CrmAlliance, Aalborg Alliancens system for virksomhedspartnerskaber. Vælg din adgangskode her, så er din konto klar:

            {link}

        Linket virker i et døgn og kun én gang. Er det udløbet, kan du bede om et nyt på siden "Glemt adgangskode".

        ---

        You are invited to CrmAlliance, the Aalborg Alliance's system for employer partnerships. Choose your password here and your account is ready:

            {link}

        The link works for one day and only once. If it has expired, ask for a new one on the "Forgot password" page.
        """);

    public static MimeMessage PasswordReset(string from, string to, string displayName, string link) => Compose(from, to,
        "Vælg en ny adgangskode til CrmAlliance / Choose a new password for CrmAlliance",
        $"""
        Hej {displayName}

        Vælg en ny adgangskode til CrmAlliance her:

            {link}

        Linket virker i et døgn og kun én gang. Har du ikke bedt om det, kan du se bort fra denne e-mail.

        ---

        Choose a new password for CrmAlliance here:

            {link}

        The link works for one day and only once. If you did not ask for it, you can ignore this e-mail.
        """);

    /// <summary>The page that sets a password, with the address and the code filled in (the code is the <c>resetCode</c> of POST /auth/resetPassword).</summary>
    public static string ResetPasswordLink(Uri publicBaseUrl, string email, string code)
        => new Uri(publicBaseUrl, $"/nulstil-adgangskode?email={Uri.EscapeDataString(email)}&kode={Uri.EscapeDataString(code)}").AbsoluteUri;

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
