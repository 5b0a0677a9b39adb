using Microsoft.AspNetCore.Identity;

namespace CrmAlliance.Api.Features.Accounts.Email;

/// <summary>
/// Identity's e-mails plus the invitation: Identity sends a reset code for a forgotten password, the invitation
/// handlers send the same kind of code as an invitation, worded as one.
/// </summary>
public interface IAccountEmailSender : IEmailSender<ApplicationUser>
{
    Task SendInvitationCodeAsync(ApplicationUser user, string email, string code);
}
