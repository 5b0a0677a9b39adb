using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.GraphQL;

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
        services.AddCrmGraphQL();
        services.AddReferenceData();
        services.AddCompanies();
        services.AddPlacements();
        services.AddOutcomes();
        return builder;
    }

    /// <summary>Migrates the database and creates the roles and first Admin before requests are served.</summary>
    public static async Task InitialiseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().MigrateAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().RunAsync(app.Lifetime.ApplicationStopping);
    }
}

/// <summary>Command-line switches without values, turned into configuration keys.</summary>
public static class StartupOptions
{
    public static string[] Normalise(string[] args)
        => args.Select(a => a == "--seed-demo" ? "--Seed:Demo=true" : a).ToArray();
}
