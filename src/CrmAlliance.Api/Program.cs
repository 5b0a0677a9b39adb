using CrmAlliance.Api;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Exports;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Yield.Monitoring;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.GraphQL;

if (CliRunner.IsCommand(args))
{
    // A command (seed, rebuild-yield, import-outcomes …) runs with the host's services but serves no requests.
    var (hostArgs, commandArgs) = CliRunner.Split(args);
    var commandBuilder = WebApplication.CreateBuilder(hostArgs);
    commandBuilder.AddCrmAlliance();
    await using var commandHost = commandBuilder.Build();
    await commandHost.InitialiseAsync();
    return await CliRunner.RunAsync(commandHost.Services, args[0], commandArgs, Console.Error);
}

var builder = WebApplication.CreateBuilder(StartupOptions.Normalise(args));
builder.AddCrmAlliance();

var app = builder.Build();
app.MapCrmIdentity();
app.UseAuthentication();
app.UseAuthorization();
app.MapGroup("/auth").MapIdentityApi<ApplicationUser>();
app.MapGraphQLEndpoint();
app.MapCandidateSnapshot();
app.MapRawRowExports();
app.MapMonitoringReport();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.MapGet("/", () => Results.Text("CrmAlliance is running. POST GraphQL to /graphql; sign in at /auth/login."));

await app.InitialiseAsync();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
