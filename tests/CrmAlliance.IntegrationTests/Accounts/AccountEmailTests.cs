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
        using var factory = FactoryWithRealEmail(new Dictionary<string, string> { ["Email:PickupFolder"] = _mailFolder, ["Email:PublicBaseUrl"] = "https://crm.aalborg.test" });
        var email = (await factory.CreateUserAsync("CONSULTANT")).Email;

        using var forgot = await factory.CreateClient().PostAsJsonAsync("/auth/forgotPassword", new { email });
        await Polling.WaitForAsync(() => Task.FromResult(Directory.Exists(_mailFolder) && Directory.GetFiles(_mailFolder, "*.eml").Length > 0), "the .eml file");
        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_mailFolder, "*.eml")));
        var link = Link(message.TextBody);
        var code = Code(link);
        using var reset = await factory.CreateClient().PostAsJsonAsync("/auth/resetPassword", new { email, resetCode = code, newPassword = "Ny-Adgangskode-Efter-Glemt-2026" });
        await factory.SignInAsync(email, "Ny-Adgangskode-Efter-Glemt-2026");

        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.StartsWith("Vælg en ny adgangskode", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Har du ikke bedt om det", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("inviteret", message.TextBody, StringComparison.Ordinal);
        Assert.Equal($"https://crm.aalborg.test/nulstil-adgangskode?email={Uri.EscapeDataString(email)}&kode={code}", link.AbsoluteUri);
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
        await Polling.WaitForAsync(() => Task.FromResult(smtp.Messages.Count > 0 && _logs.Lines.Any(l => l.Contains("Sent a user invitation", StringComparison.Ordinal))), "the e-mail over SMTP");
        var message = Assert.Single(smtp.Messages);
        var link = Link(message.TextBody);

        Assert.Equal("crm@aalborg.test", message.From.Mailboxes.Single().Address);
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Contains("Hej Sanne SMTP", message.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Du er inviteret til CrmAlliance", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Du er inviteret til CrmAlliance", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Har du ikke bedt om", message.TextBody, StringComparison.Ordinal);

        // The embedded default address (appsettings' Urls), with the address and the code filled in.
        Assert.Equal($"http://localhost:5080/nulstil-adgangskode?email={Uri.EscapeDataString(email)}&kode={Code(link)}", link.AbsoluteUri);
        Assert.True(Code(link).Length > 40);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(Code(link), StringComparison.Ordinal));
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
            services.RemoveAll<IAccountEmailSender>();
            services.AddSingleton<IAccountEmailSender, CrmEmailSender>();
            services.AddSingleton<IEmailSender<ApplicationUser>>(sp => sp.GetRequiredService<IAccountEmailSender>());
            services.AddSingleton<ILoggerProvider>(_logs);
        });

    /// <summary>The link on its own indented line (the Danish one comes first; the English repeats it).</summary>
    private static Uri Link(string? body) => new(Regex.Match(body ?? "", @"^\s{4}(http\S+)\s*$", RegexOptions.Multiline).Groups[1].Value);

    private static string Code(Uri link) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["kode"].ToString();

    public void Dispose()
    {
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }
}
