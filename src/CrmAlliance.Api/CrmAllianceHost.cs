using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Accounts.Pages;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Demo;
using CrmAlliance.Api.Features.Exports;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Features.Retention;
using CrmAlliance.Api.Features.Timeline;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Api.Web;
using CrmAlliance.Bus.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Trace;

namespace CrmAlliance.Api;

public static class CrmAllianceHost
{
    /// <summary>Everything the Api host needs, one line per area.</summary>
    public static WebApplicationBuilder AddCrmAlliance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TimeProvider>(MicrosecondClock.Instance);
        services.AddCrmDatabase(builder.Configuration, builder.Environment);
        services.AddCrmIdentity(builder.Configuration);
        services.AddDataProtection().SetApplicationName("CrmAlliance").PersistKeysToDbContext<CrmDbContext>();
        services.AddHealthChecks().AddDbContextCheck<CrmDbContext>("database", tags: ["ready"]);
        services.AddCrmGraphQL();
        services.AddCrmMessaging();
        services.AddReferenceData();
        services.AddCompanies();
        services.AddVacancies();
        services.AddCandidates();
        services.AddContactLogs();
        services.AddPledges();
        services.AddDemoData();
        services.AddPlacements();
        services.AddOutcomes();
        services.AddExports();
        services.AddMatches(builder.Configuration);
        services.AddYield();
        services.AddTimeline();
        services.AddRetention(builder.Configuration);
        // After every feature with a save interceptor: the audit records what they staged too.
        services.AddAudit();
        services.AddCrmWebUi();
        services.AddUiLanguageChoice();
        // The web UI's framework files (_framework/blazor.web.js) are found through the build's static-web-assets
        // manifest in every environment, not only Development; a published app has them in wwwroot and no manifest.
        builder.WebHost.UseStaticWebAssets();

        // Last: the bus takes the consumers the features registered.
        services.AddCrmBus(builder.Configuration);
        builder.AddCrmTelemetry("crmalliance-api", traces => traces.AddEntityFrameworkCoreInstrumentation());
        return builder;
    }

    /// <summary>
    /// <c>false</c> for Api replicas behind a load balancer: a one-shot <c>migrate</c> run applies the migrations before
    /// they start (docker-compose.yml), and a replica refuses a database with pending migrations instead of racing the
    /// other replica to apply them, or serving an old schema with new code. Default <c>true</c> (one process).
    /// </summary>
    public const string MigrateOnStartKey = "Database:MigrateOnStart";

    /// <summary>Prepares the web host's database as <see cref="MigrateOnStartKey"/> says, before requests are served.</summary>
    public static Task InitialiseAsync(this WebApplication app) => app.InitialiseAsync(app.Configuration.GetValue(MigrateOnStartKey, true));

    /// <summary>
    /// Migrates the database (or, without <paramref name="applyMigrations"/>, refuses to start when migrations are
    /// pending), creates the roles and first Admin, and (with --seed-demo on a first start) the demo data.
    /// </summary>
    public static async Task InitialiseAsync(this WebApplication app, bool applyMigrations)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(app.Lifetime.ApplicationStopping)).Count();
        if (pending > 0 && !applyMigrations)
        {
            throw new StartupRefusedException($"The database lacks {pending} migration(s) and {MigrateOnStartKey} is false: apply them first with the migrate command (dotnet CrmAlliance.Api.dll migrate; in docker-compose.yml the migrate service), then start this replica.");
        }

        if (pending > 0)
        {
            // A first start is otherwise silent until the demo data and the yield read model are ready.
            app.Logger.LogInformation("Preparing the database ({Database}): applying {Count} migration(s) …", db.Database.GetDbConnection().DataSource, pending);
        }

        if (applyMigrations)
        {
            // Also with nothing pending: SQLite's write-ahead logging is switched on here.
            await db.MigrateAsync(app.Lifetime.ApplicationStopping);
        }

        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().RunAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().RunAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<YieldStartup>().RunAsync(app.Lifetime.ApplicationStopping);
    }
}

/// <summary>How the host starts: its environment and the command-line switches without values.</summary>
public static class StartupOptions
{
    /// <summary>
    /// Set by the launch profile that <c>dotnet run</c> applies, so that a developer's run is Development by default
    /// while an exported <c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c> (or <c>--environment</c>) still wins;
    /// a profile that set the environment itself would silently override them.
    /// </summary>
    public const string DefaultEnvironmentVariable = "CRMALLIANCE_DEFAULT_ENVIRONMENT";

    public static WebApplicationOptions For(string[] args)
    {
        var chosen = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is not null
            || Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is not null
            || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
        return new WebApplicationOptions
        {
            Args = Normalise(args),
            EnvironmentName = chosen ? null : Environment.GetEnvironmentVariable(DefaultEnvironmentVariable),
        };
    }

    public static string[] Normalise(string[] args)
        => args.Select(a => a == "--seed-demo" ? "--Seed:Demo=true" : a).ToArray();
}
