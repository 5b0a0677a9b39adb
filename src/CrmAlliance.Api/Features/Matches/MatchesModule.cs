using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Matches.Graph;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace CrmAlliance.Api.Features.Matches;

public static class MatchesModule
{
    public static IServiceCollection AddMatches(this IServiceCollection services)
    {
        services.AddScoped<MatchQueries>();
        services.AddScoped<DecideMatchHandler>();
        services.AddSingleton<MatchesSchema>();
        services.AddSingleton<ISchemaContributor>(sp => sp.GetRequiredService<MatchesSchema>());
        services.AddSingleton<INodeResolver>(sp => sp.GetRequiredService<MatchesSchema>());
        return services;
    }
}
