using CrmAlliance.Api;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Infrastructure.GraphQL;

var builder = WebApplication.CreateBuilder(StartupOptions.Normalise(args));
builder.AddCrmAlliance();

var app = builder.Build();
app.MapCrmIdentity();
app.UseAuthentication();
app.UseAuthorization();
app.MapGroup("/auth").MapIdentityApi<ApplicationUser>();
app.MapGraphQLEndpoint();
app.MapCandidateSnapshot();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.MapGet("/", () => Results.Text("CrmAlliance is running. POST GraphQL to /graphql; sign in at /auth/login."));

await app.InitialiseAsync();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
