using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Features.Candidates.Graph;
using CrmAlliance.Api.Features.Candidates.Import;
using CrmAlliance.Api.Features.Candidates.Import.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.Api.Features.Candidates;

public static class CandidatesModule
{
    /// <summary>The candidate pool: registration, changes, withdrawal, the import, and their GraphQL fields.</summary>
    public static IServiceCollection AddCandidates(this IServiceCollection services)
    {
        services.AddScoped<CandidateQueries>();
        services.AddScoped<IAuditCandidateLookup, CandidateAuditLookup>();
        services.AddScoped<RegisterCandidateHandler>();
        services.AddScoped<UpdateCandidateHandler>();
        services.AddScoped<WithdrawCandidateHandler>();
        services.AddScoped<ImportCandidatesHandler>();
        services.AddSingleton<CandidatesSchema>();
        services.AddSingleton<ISchemaContributor>(sp => sp.GetRequiredService<CandidatesSchema>());
        services.AddSingleton<INodeResolver>(sp => sp.GetRequiredService<CandidatesSchema>());
        services.AddSingleton<ISchemaContributor, CandidateImportSchema>();
        return services;
    }
}
