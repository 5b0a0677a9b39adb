using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.Targets.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Yield.Targets;

public static class EffectTargetsModule
{
    public static IServiceCollection AddEffectTargets(this IServiceCollection services)
    {
        services.AddScoped<EffectTargetQueries>();
        services.AddScoped<EffectTargetResults>();
        services.AddScoped<SetEffectTargetHandler>();
        services.AddScoped<RemoveEffectTargetHandler>();
        services.AddSingleton<ISchemaContributor, EffectTargetsSchema>();
        return services;
    }
}
