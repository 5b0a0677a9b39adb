using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Placements.Graph;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.GraphQL;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Placements;

public static class PlacementsModule
{
    public static IServiceCollection AddPlacements(this IServiceCollection services)
    {
        services.AddOptions<PlacementRulesOptions>().BindConfiguration(PlacementRulesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlacementRulesOptions>, PlacementRulesOptionsValidator>();
        services.AddSingleton<RatioRule>();
        services.AddSingleton<MaximumDurationRule>();
        services.AddSingleton<AdditionalEmploymentRule>();
        services.AddScoped<RatioRuleCheck>();
        services.AddScoped<WorkplaceCapacityQuery>();
        services.AddScoped<ICandidateChangeGuard, TargetGroupChangeCheck>();
        services.AddScoped<ICandidatePlacements, CandidatePlacements>();
        services.AddScoped<PlacementQueries>();
        services.AddScoped<ProposePlacementHandler>();
        services.AddScoped<RecordEmployeeRepStatementHandler>();
        services.AddScoped<ConfirmAdditionalEmploymentHandler>();
        services.AddScoped<RecordRuleExemptionHandler>();
        services.AddScoped<ApprovePlacementHandler>();
        services.AddScoped<StartPlacementHandler>();
        services.AddScoped<EndPlacementHandler>();
        services.AddScoped<CancelPlacementHandler>();
        services.AddSingleton<PlacementsSchema>();
        services.AddSingleton<ISchemaContributor>(sp => sp.GetRequiredService<PlacementsSchema>());
        services.AddSingleton<INodeResolver>(sp => sp.GetRequiredService<PlacementsSchema>());
        return services;
    }
}
