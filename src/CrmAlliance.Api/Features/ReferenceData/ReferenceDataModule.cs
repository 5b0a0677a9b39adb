using CrmAlliance.Api.Features.ReferenceData.Graph;
using CrmAlliance.Api.Features.ReferenceData.Search;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.Api.Features.ReferenceData;

public static class ReferenceDataModule
{
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceCatalog>();
        services.AddSingleton<OccupationSearch>();
        services.AddSingleton<IndustrySearch>();
        services.AddSingleton<ISchemaContributor, ReferenceDataSchema>();
        return services;
    }
}
