using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Outcomes.Graph;
using CrmAlliance.Api.Features.Outcomes.Import;
using CrmAlliance.Api.Features.Outcomes.Import.Graph;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmAlliance.Api.Features.Outcomes;

public static class OutcomesModule
{
    /// <summary>Outcomes and their follow-ups: recording, the register import (GraphQL and command line).</summary>
    public static IServiceCollection AddOutcomes(this IServiceCollection services)
    {
        services.AddScoped<OutcomeQueries>();
        services.AddScoped<RecordOutcomeHandler>();
        services.AddScoped<ImportOutcomeFollowUpsHandler>();
        services.TryAddScoped<CommandLineActors>();
        services.AddSingleton<ISchemaContributor, OutcomesSchema>();
        services.AddSingleton<ISchemaContributor, OutcomeImportSchema>();
        services.AddSingleton<ICliCommand, ImportOutcomesCommand>();
        return services;
    }
}
