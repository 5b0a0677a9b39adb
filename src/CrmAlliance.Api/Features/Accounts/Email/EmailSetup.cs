using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Accounts.Email;

public static class EmailSetup
{
    /// <summary>SMTP when <c>Email:Smtp:Host</c> is set, else .eml files in data/mail (see <see cref="EmailOptions"/>).</summary>
    public static IServiceCollection AddCrmEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Email:From is not an e-mail address.")
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", "Email:PublicBaseUrl is not an absolute http(s) address.")
            .Validate(o => o.Smtp.Port is > 0 and < 65536, "Email:Smtp:Port must be between 1 and 65535.")
            .ValidateOnStart();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                return new SmtpMailTransport(sp.GetRequiredService<IOptions<EmailOptions>>());
            }

            var folder = Path.Combine(DataFolder.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath), options.PickupFolder);
            return new PickupFolderMailTransport(folder, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<EmailQueue>();
        services.AddHostedService<EmailDispatchService>();
        services.AddSingleton<IAccountEmailSender, CrmEmailSender>();
        services.AddSingleton<IEmailSender<ApplicationUser>>(sp => sp.GetRequiredService<IAccountEmailSender>());
        return services;
    }
}
