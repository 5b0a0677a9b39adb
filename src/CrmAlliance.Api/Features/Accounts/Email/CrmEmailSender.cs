using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Accounts.Email;

/// <summary>
/// Identity's e-mails and the invitations (their codes as links to /nulstil-adgangskode): composed here and queued for
/// <see cref="EmailDispatchService"/>, which sends them through the configured transport off the request's path. The log names the user's id and the kind
/// of e-mail, never the code, the link or the address: a code in a log is a password in a log.
/// </summary>
public sealed class CrmEmailSender(EmailQueue queue, IOptions<EmailOptions> options, ILogger<CrmEmailSender> logger) : IAccountEmailSender
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink)
        => Enqueue(user, "confirmation link", AccountEmails.Link(options.Value.From, email, user.DisplayName, "Bekræft din e-mailadresse", "Confirm your e-mail address", confirmationLink));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
        => Enqueue(user, "password reset link", AccountEmails.Link(options.Value.From, email, user.DisplayName, "Vælg en ny adgangskode", "Choose a new password", resetLink));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode)
        => Enqueue(user, "password reset code", AccountEmails.PasswordReset(options.Value.From, email, user.DisplayName, LinkFor(email, resetCode)));

    public Task SendInvitationCodeAsync(ApplicationUser user, string email, string code)
        => Enqueue(user, "user invitation", AccountEmails.Invitation(options.Value.From, email, user.DisplayName, LinkFor(email, code)));

    private string LinkFor(string email, string code) => AccountEmails.ResetPasswordLink(new Uri(options.Value.PublicBaseUrl), email, code);

    private Task Enqueue(ApplicationUser user, string kind, MimeKit.MimeMessage message)
    {
        if (!queue.TryEnqueue(new QueuedEmail(message, kind, user.Id)))
        {
            logger.LogError("Dropped a {Kind} e-mail to user {UserId}: {Capacity} e-mails are already waiting to be sent.", kind, user.Id, EmailQueue.Capacity);
        }

        return Task.CompletedTask;
    }
}
