using CrmAlliance.Api;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Accounts.Pages;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Features.Exports;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Retention.Access;
using CrmAlliance.Api.Features.Yield.Monitoring;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Api.Infrastructure.Http;
using CrmAlliance.Api.Web;

if (CliRunner.IsCommand(args))
{
    // A command (rebuild-yield, import-outcomes …) runs with the host's services but serves no requests.
    var (hostArgs, commandArgs) = CliRunner.Split(args);
    var commandBuilder = WebApplication.CreateBuilder(StartupOptions.For(hostArgs));
    commandBuilder.AddCrmAlliance();
    await using var commandHost = commandBuilder.Build();
    try
    {
        return await CliRunner.RunAsync(commandHost.Services, commandArgs, Console.Error, beforeRun: _ => commandHost.InitialiseAsync(applyMigrations: true));
    }
    catch (StartupRefusedException refused)
    {
        await Console.Error.WriteLineAsync(refused.Message);
        return 1;
    }
}

var builder = WebApplication.CreateBuilder(StartupOptions.For(args));
builder.AddCrmAlliance();

var app = builder.Build();
app.UseForwardedClientAddress(app.Configuration);
app.UseResponseCompression();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    // Strict-Transport-Security on HTTPS responses (browsers ignore it over HTTP).
    app.UseHsts();
}

app.MapCrmIdentity();
app.UseAuthentication();
// After authentication: a signed-in user's own language choice comes with their sign-in.
app.UseCrmWebUiCulture();
app.UseCrmWebUiNotFoundPage();
app.UseAuthorization();
app.UseAntiforgery();
app.MapGroup("/auth").MapIdentityApi<ApplicationUser>();
app.MapGraphQLEndpoint();
app.MapCandidateSnapshot();
app.MapRawRowExports();
app.MapCandidateAccessDownload();
app.MapAuditExport();
app.MapMonitoringReport();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.MapCrmWebUi();
app.MapUiLanguageChoice();

try
{
    await app.InitialiseAsync();
}
catch (StartupRefusedException refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
