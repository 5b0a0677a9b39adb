using CrmAlliance.Api.Core;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Retention;

/// <summary>
/// Erases the candidates due once a day at <see cref="RetentionOptions.JobTime"/> (Danish local time). A run missed while
/// the process was down is simply done at the next day's time: nothing is due a day late that was not due already.
/// </summary>
public sealed class RetentionJobService(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(UntilNextRun(clock.GetUtcNow(), options.Value.JobTime), clock, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<EraseExpiredCandidatesHandler>()
                    .RunAsync($"daily job on {Environment.MachineName}", dryRun: false, stoppingToken);
                logger.LogInformation("Retention: {Erased} candidates erased, {Skipped} skipped (due through {DueThrough}).", result.Erased, result.Skipped, result.DueThrough);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The retention job failed; it runs again tomorrow.");
            }
        }
    }

    /// <summary>How long from <paramref name="now"/> until the next <paramref name="time"/> on the Danish clock.</summary>
    public static TimeSpan UntilNextRun(DateTimeOffset now, TimeOnly time)
    {
        var today = DanishCalendar.DateOf(now);
        var next = At(today, time);
        if (next <= now)
        {
            next = At(today.AddDays(1), time);
        }

        return next - now;
    }

    // GetUtcOffset, unlike ConvertTimeToUtc, takes a time that daylight saving skips (02:30 on the last Sunday of March).
    private static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, DanishCalendar.Zone.GetUtcOffset(local));
    }
}
