using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Accounts.Email;

/// <summary>
/// Identity's e-mails (invitation and reset codes) through the configured transport. The log names the user's id and
/// the kind of e-mail, never the code, the link or the address: a code in a log is a password in a log.
/// A transport failure is logged and swallowed, so that /auth/forgotPassword answers alike for every e-mail and an
/// invitation is still stored (the person asks for a new code with "forgot password").
/// </summary>
public sealed class CrmEmailSender(IMailTransport transport, IOptions<EmailOptions> options, ILogger<CrmEmailSender> logger) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink)
        => SendAsync(user, "confirmation link", AccountEmails.Link(options.Value.From, email, user.DisplayName, "Bekræft din e-mailadresse", "Confirm your e-mail address", confirmationLink));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
        => SendAsync(user, "password reset link", AccountEmails.Link(options.Value.From, email, user.DisplayName, "Vælg en ny adgangskode", "Choose a new password", resetLink));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode)
        => SendAsync(user, "password reset code", AccountEmails.PasswordResetCode(options.Value.From, email, user.DisplayName, resetCode));

    private async Task SendAsync(ApplicationUser user, string kind, MimeKit.MimeMessage message)
    {
        try
        {
            await transport.SendAsync(message, CancellationToken.None);
            logger.LogInformation("Sent a {Kind} e-mail to user {UserId}.", kind, user.Id);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException
            or MailKit.Security.AuthenticationException or System.Net.Sockets.SocketException or OperationCanceledException or TimeoutException)
        {
            // The exception's message, not the exception: MailKit's may quote the SMTP dialogue, never the body, but a
            // stack trace here is noise.
            logger.LogError("Could not send a {Kind} e-mail to user {UserId}: {Error}", kind, user.Id, ex.Message);
        }
    }
}
