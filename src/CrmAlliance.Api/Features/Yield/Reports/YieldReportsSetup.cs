using CrmAlliance.Api.Features.Yield.Reports.Graph;
using CrmAlliance.Api.Infrastructure.GraphQL;
using GraphQL.DI;

namespace CrmAlliance.Api.Features.Yield.Reports;

public static class YieldReportsSetup
{
    /// <summary>The report queries (partner yield, ranking, summary, trend, dormant partners, drill-down) and their GraphQL fields.</summary>
    public static IServiceCollection AddYieldReports(this IServiceCollection services)
    {
        services.AddSingleton<YieldReportCache>();
        services.AddScoped<YieldRankings>();
        services.AddScoped<PartnerYieldQuery>();
        services.AddScoped<YieldRankingQuery>();
        services.AddScoped<AllianceSummaryQuery>();
        services.AddScoped<YieldTrendQuery>();
        services.AddScoped<DormantPartnersQuery>();
        services.AddScoped<YieldRowsQuery>();
        services.AddSingleton<ISchemaContributor, YieldSchema>();
        services.AddSingleton<IConfigureSchema, YieldRowTypesRegistration>();
        return services;
    }
}
