using MailKit.Security;

namespace CrmAlliance.Api.Features.Accounts.Email;

/// <summary>
/// Section <c>Email</c>. With <c>Email:Smtp:Host</c> set, mail goes out over SMTP; otherwise each message is written
/// as an .eml file to <see cref="PickupFolder"/> (default <c>data/mail</c>), where an operator or a developer reads it.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, as "Name &lt;address&gt;" or a bare address.</summary>
    public string From { get; set; } = "Aalborg Alliancen CRM <no-reply@crmalliance.local>";

    /// <summary>
    /// Where users reach the web UI (scheme, host, port; behind a proxy its public address): the invitation and reset
    /// e-mails link to <c>/nulstil-adgangskode</c> under it.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Folder for .eml files when no SMTP host is configured; relative paths are under the data folder.</summary>
    public string PickupFolder { get; set; } = "mail";

    public SmtpSettings Smtp { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, <c>Auto</c> or <c>None</c> (a relay on the local network only).</summary>
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

        public string? UserName { get; set; }

        public string? Password { get; set; }

        /// <summary>How long one connect, authenticate or send may take.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
    }
}
