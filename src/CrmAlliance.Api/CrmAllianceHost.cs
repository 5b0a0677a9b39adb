using CrmAlliance.Api.Features.Accounts;
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
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Api.Infrastructure.Messaging;
using Microsoft.AspNetCore.DataProtection;

namespace CrmAlliance.Api;

public static class CrmAllianceHost
{
    /// <summary>Everything the Api host needs, one line per area.</summary>
    public static WebApplicationBuilder AddCrmAlliance(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
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

        // Last: the bus takes the consumers the features registered.
        services.AddCrmBus(builder.Configuration);
        return builder;
    }

    /// <summary>Migrates the database, creates the roles and first Admin, and (with --seed-demo on a first start) the demo data, before requests are served.</summary>
    public static async Task InitialiseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().MigrateAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().RunAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().RunAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<YieldStartup>().RunAsync(app.Lifetime.ApplicationStopping);
    }
}

/// <summary>Command-line switches without values, turned into configuration keys.</summary>
public static class StartupOptions
{
    public static string[] Normalise(string[] args)
        => args.Select(a => a == "--seed-demo" ? "--Seed:Demo=true" : a).ToArray();
}
