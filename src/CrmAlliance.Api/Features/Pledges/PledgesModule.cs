using CrmAlliance.Api.Features.Pledges.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.Api.Features.Pledges;

public static class PledgesModule
{
    public static IServiceCollection AddPledges(this IServiceCollection services)
    {
        services.AddScoped<PledgeQueries>();
        services.AddScoped<RecordPledgeHandler>();
        services.AddScoped<UpdatePledgeHandler>();
        services.AddScoped<RemovePledgeHandler>();
        services.AddSingleton<PledgesSchema>();
        services.AddSingleton<ISchemaContributor>(sp => sp.GetRequiredService<PledgesSchema>());
        services.AddSingleton<INodeResolver>(sp => sp.GetRequiredService<PledgesSchema>());
        return services;
    }
}
