using CrmAlliance.Api.Features.Yield.Monitoring;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Features.Yield.Targets;
using CrmAlliance.Api.Infrastructure.Commands;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Yield;

public static class YieldSetup
{
    /// <summary>The yield definitions, read model projection and rebuild, and the readers reports build on.</summary>
    public static IServiceCollection AddYield(this IServiceCollection services)
    {
        services.AddOptions<YieldOptions>().BindConfiguration(YieldOptions.Section).Validate(
            o => o.SuppressionThreshold >= 1 && o.Score.PerEmployees > 0 && o.Score.MinimumEmployees > 0 && o.SizeBandUpperBounds.SequenceEqual(o.SizeBandUpperBounds.Order()),
            "Yield: SuppressionThreshold, Score:PerEmployees and Score:MinimumEmployees must be at least 1, and SizeBandUpperBounds ascending.").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<YieldOptions>>().Value);
        services.AddSingleton<YieldContributions>();
        services.AddScoped<YieldFactSource>();
        services.AddScoped<YieldCellWriter>();
        services.AddScoped<YieldProjector>();
        services.AddScoped<YieldRebuild>();
        services.AddScoped<YieldStartup>();
        services.AddScoped<ICliCommand, RebuildYieldCommand>();
        services.AddHostedService<YieldClockService>();
        services.AddScoped<YieldCellReader>();
        services.AddYieldReports();
        services.AddEffectTargets();
        services.AddMonitoringReport();
        return services;
    }
}
