using MimeKit;

namespace CrmAlliance.Api.Features.Accounts.Email;

/// <summary>Where a finished message goes: an SMTP server, or a folder of .eml files.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
