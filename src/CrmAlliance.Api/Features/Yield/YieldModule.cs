using CrmAlliance.Api.Features.Yield.Dashboard;
using CrmAlliance.Api.Features.Yield.Monitoring;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.Projection.Rebuild;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Features.Yield.Reports.Graph;
using CrmAlliance.Api.Features.Yield.Targets;
using CrmAlliance.Api.Features.Yield.Targets.Graph;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Api.Infrastructure.Messaging;
using GraphQL.DI;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Yield;

public static class YieldModule
{
    /// <summary>The yield definitions, read model projection and rebuild, and the readers reports build on.</summary>
    public static IServiceCollection AddYield(this IServiceCollection services)
    {
        services.AddOptions<YieldOptions>().BindConfiguration(YieldOptions.Section).Validate(
            o => o.SuppressionThreshold >= 1 && o.Score.PerEmployees > 0 && o.Score.MinimumEmployees > 0 && o.SizeBandUpperBounds.SequenceEqual(o.SizeBandUpperBounds.Order()),
            "Yield: SuppressionThreshold, Score:PerEmployees and Score:MinimumEmployees must be at least 1, and SizeBandUpperBounds ascending.").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<YieldOptions>>().Value);
        services.AddSingleton<YieldContributions>();
        // Stages CompanyChanged, ContactLogged and PledgeChanged whenever a save touches those rows.
        services.AddSaveChangesInterceptor<SourceChangeEvents>();
        services.AddScoped<YieldFactSource>();
        services.AddScoped<YieldCellWriter>();
        services.AddScoped<YieldProjector>();
        services.AddSingleton<YieldRefreshBatcher>();
        services.AddScoped<YieldInPlaceRebuild>();
        services.AddScoped<YieldRebuild>();
        services.AddScoped<IYieldAsideTables>(provider =>
        {
            var db = provider.GetRequiredService<CrmDbContext>();
            return db.Database.IsNpgsql() ? new PostgresAsideTables(db) : new YieldShadowTables(db);
        });
        services.AddScoped<YieldRebuildLease>();
        services.AddScoped<IBackgroundWorkStatus, YieldRebuildStatus>();
        services.AddOptions<YieldRebuildOptions>().BindConfiguration(YieldRebuildOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<YieldRebuildOptions>>().Value);
        services.AddSingleton<YieldRebuildService>();
        services.AddHostedService(sp => sp.GetRequiredService<YieldRebuildService>());
        services.AddScoped<YieldStartup>();
        services.AddScoped<ICliCommand, RebuildYieldCommand>();
        services.AddHostedService<YieldClockService>();
        services.AddBusConsumers(x => x.AddConsumer<YieldProjectionConsumer, YieldProjectionConsumerDefinition>());
        services.AddScoped<YieldCellReader>();

        // Reports: partner yield, ranking, summary, trend, dormant partners, drill-down.
        services.AddSingleton<YieldReportCache>();
        services.AddScoped<YieldRankings>();
        services.AddSingleton<YieldMemberTotals>();
        services.AddSingleton<YieldKeptPledges>();
        services.AddSingleton<YieldLastActiveMonths>();
        services.AddOptions<YieldWarmUpOptions>().BindConfiguration(YieldWarmUpOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<YieldWarmUpOptions>>().Value);
        services.AddSingleton<YieldReportWarmer>();
        services.AddHostedService(sp => sp.GetRequiredService<YieldReportWarmer>());
        services.AddScoped<PartnerYieldQuery>();
        services.AddScoped<YieldRankingQuery>();
        services.AddScoped<AllianceSummaryQuery>();
        services.AddScoped<YieldTrendQuery>();
        services.AddScoped<DormantPartnersQuery>();
        services.AddScoped<YieldRowsQuery>();
        services.AddScoped<FreeLabourAlertsQuery>();
        services.AddSingleton<ISchemaContributor, YieldSchema>();
        services.AddSingleton<IConfigureSchema, YieldRowTypesRegistration>();

        // Effect targets and the monitoring report.
        services.AddScoped<EffectTargetQueries>();
        services.AddScoped<EffectTargetResults>();
        services.AddScoped<SetEffectTargetHandler>();
        services.AddScoped<RemoveEffectTargetHandler>();
        services.AddSingleton<ISchemaContributor, EffectTargetsSchema>();
        services.AddScoped<MonitoringReportBuilder>();

        // The manager's dashboard (web UI): the reports above, for management only.
        services.AddScoped<ManagementDashboard>();
        return services;
    }
}
