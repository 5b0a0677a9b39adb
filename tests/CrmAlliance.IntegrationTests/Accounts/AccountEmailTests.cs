using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Accounts.Email;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CrmAlliance.IntegrationTests.Accounts;

/// <summary>The real e-mail sender: codes go to the mailbox (here a pickup folder or an SMTP server) and never to a log.</summary>
public sealed class AccountEmailTests : IDisposable
{
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), $"crm-mail-{Guid.NewGuid():N}");
    private readonly CapturedLogs _logs = new();

    [Fact]
    public async Task A_forgotten_password_is_reset_with_the_code_from_the_eml_file_and_the_code_never_reaches_the_log()
    {
        using var factory = FactoryWithRealEmail(new Dictionary<string, string> { ["Email:PickupFolder"] = _mailFolder });
        var email = (await factory.CreateUserAsync("CONSULTANT")).Email;

        using var forgot = await factory.CreateClient().PostAsJsonAsync("/auth/forgotPassword", new { email });
        await Polling.WaitForAsync(() => Task.FromResult(Directory.Exists(_mailFolder) && Directory.GetFiles(_mailFolder, "*.eml").Length > 0), "the .eml file");
        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_mailFolder, "*.eml")));
        var code = ResetCode(message.TextBody);
        using var reset = await factory.CreateClient().PostAsJsonAsync("/auth/resetPassword", new { email, resetCode = code, newPassword = "Ny-Adgangskode-Efter-Glemt-2026" });
        await factory.SignInAsync(email, "Ny-Adgangskode-Efter-Glemt-2026");

        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains(_logs.Lines, line => line.Contains("password reset code", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(code, StringComparison.Ordinal) || line.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(Directory.GetFiles(_mailFolder, "*.tmp"));
    }

    [Fact]
    public async Task An_invitation_goes_out_over_SMTP_when_a_host_is_configured()
    {
        await using var smtp = FakeSmtpServer.Start();
        using var factory = FactoryWithRealEmail(new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = "Jobcenter Aalborg <crm@aalborg.test>",
        });
        var consultant = await factory.CreateUserAsync("CONSULTANT");
        var companyId = await consultant.Client.RegisterCompanyAsync("Posten Sender ApS", address: "Vej 2");
        var email = $"smtp-{Guid.NewGuid():N}@virksomhed.test";

        await consultant.Client.QueryAsync("mutation($input: InviteCompanyUserInput!) { inviteCompanyUser(input: $input) { id } }",
            new { input = new { companyId, email, displayName = "Sanne SMTP" } });
        await Polling.WaitForAsync(() => Task.FromResult(smtp.Messages.Count > 0 && _logs.Lines.Any(l => l.Contains("Sent a password reset code", StringComparison.Ordinal))), "the e-mail over SMTP");
        var message = Assert.Single(smtp.Messages);

        Assert.Equal("crm@aalborg.test", message.From.Mailboxes.Single().Address);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Contains("Hej Sanne SMTP", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(ResetCode(message.TextBody), StringComparison.Ordinal));
        Assert.False(Directory.Exists(_mailFolder));
    }

    [Fact]
    public async Task An_unreachable_SMTP_server_is_logged_and_forgotPassword_still_answers_as_for_any_address()
    {
        using var factory = FactoryWithRealEmail(new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = FakeSmtpServer.UnusedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        });
        var email = (await factory.CreateUserAsync("MANAGER")).Email;

        using var forgot = await factory.CreateClient().PostAsJsonAsync("/auth/forgotPassword", new { email });

        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        await Polling.WaitForAsync(
            () => Task.FromResult(_logs.Lines.Any(line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("Could not send a password reset code", StringComparison.Ordinal))),
            "the failure in the log");
    }

    private CrmApiFactory FactoryWithRealEmail(Dictionary<string, string> settings)
        => new(settings, services =>
        {
            services.RemoveAll<IEmailSender<ApplicationUser>>();
            services.AddSingleton<IEmailSender<ApplicationUser>, CrmEmailSender>();
            services.AddSingleton<ILoggerProvider>(_logs);
        });

    private static string ResetCode(string? body) => Regex.Match(body ?? "", @"^\s{4}(\S+)\s*$", RegexOptions.Multiline).Groups[1].Value;

    public void Dispose()
    {
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }
}
