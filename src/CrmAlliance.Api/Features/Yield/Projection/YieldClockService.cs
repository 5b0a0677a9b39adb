namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>Books running placements' days once a day: checks hourly whether yesterday is booked yet.</summary>
public sealed class YieldClockService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<YieldClockService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var booked = await scope.ServiceProvider.GetRequiredService<YieldProjector>().AdvanceDaysAsync(YieldClockDay.BookThrough(clock), stoppingToken);
                if (booked > 0)
                {
                    logger.LogInformation("Booked the days of {Count} running placements through {Day}.", booked, YieldClockDay.BookThrough(clock));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A save that lost to a projection is simply tried again next hour.
                logger.LogWarning(e, "Booking running placements' days failed; trying again in {Interval}.", Interval);
            }
        }
    }
}
