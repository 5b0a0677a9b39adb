using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>How often the dashboard's usual periods are brought up to the read model (<see cref="YieldReportWarmer"/>).</summary>
public sealed class YieldWarmUpOptions
{
    public const string Section = "YieldWarmUp";

    /// <summary>Seconds between rounds; 0 switches the warm-up off (then a period's first visit reads every member).</summary>
    public int KeepWarmSeconds { get; set; } = 15;
}

/// <summary>
/// Keeps the periods managers open most — this year, last year and their quarters — read and current in this
/// process, so that no manager's visit pays for reading every member: at start-up (right after the read model is
/// ready) and whenever the read model changed since the last round, it brings every member's totals
/// (<see cref="YieldMemberTotals"/>), the ranking made from them and the dormant members' last active months
/// (<see cref="YieldLastActiveMonths"/>) up to date. After a few events that is a look-up of the change log and a few
/// rows per period; after the day clock or a rebuild it is the full read a visitor would otherwise wait for.
/// </summary>
public sealed class YieldReportWarmer(IServiceScopeFactory scopes, YieldWarmUpOptions options, TimeProvider clock, ILogger<YieldReportWarmer> logger) : BackgroundService
{
    private readonly TaskCompletionSource firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first round is done (or failed, or the warm-up is off): for benchmarks that measure a warmed server.</summary>
    public Task FirstRound => firstRound.Task;

    /// <summary>This year and last year, and each of their quarters up to the current one.</summary>
    public static IReadOnlyList<ReportPeriod> UsualPeriods(DateOnly today)
    {
        var currentQuarter = ((today.Month - 1) / 3) + 1;
        return
        [
            ReportPeriod.Year(today.Year),
            ReportPeriod.Year(today.Year - 1),
            .. Enumerable.Range(1, currentQuarter).Reverse().Select(q => ReportPeriod.Quarter(today.Year, q)),
            .. Enumerable.Range(1, 4).Reverse().Select(q => ReportPeriod.Quarter(today.Year - 1, q)),
        ];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.KeepWarmSeconds <= 0)
        {
            firstRound.TrySetResult();
            return;
        }

        YieldStamp? warmed = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.KeepWarmSeconds), clock);
        do
        {
            try
            {
                warmed = await RoundAsync(warmed, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing is lost: a visit reads what it needs itself; the next round tries again.
                logger.LogWarning(e, "Keeping the yield reports warm failed; trying again in {Seconds} s.", options.KeepWarmSeconds);
            }
            finally
            {
                firstRound.TrySetResult();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: nothing when the read model is as last warmed, else every usual period brought up to it.</summary>
    private async Task<YieldStamp?> RoundAsync(YieldStamp? warmed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var stamp = await YieldStamp.ReadAsync(db, cancellationToken);
        if (stamp is null || stamp == warmed)
        {
            return stamp;
        }

        var dormant = scope.ServiceProvider.GetRequiredService<DormantPartnersQuery>();
        foreach (var period in UsualPeriods(DanishCalendar.Today(clock)))
        {
            await dormant.WarmAsync(period, cancellationToken);
        }

        return stamp;
    }
}
