using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Vacancies;

/// <summary>
/// The system's only transition: open vacancies whose application deadline has passed become Expired.
/// A deadline day counts as open until it is over in the jobcenter's calendar.
/// </summary>
public sealed class ExpireOverdueVacanciesHandler(CrmDbContext db, TimeProvider clock)
{
    /// <summary>Expires every overdue open vacancy in one transaction; returns how many.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var today = DanishCalendar.Today(clock);
        var overdue = await db.Vacancies
            .Where(v => v.Status == VacancyStatus.Open && v.ApplicationDeadline != null && v.ApplicationDeadline < today)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var vacancy in overdue)
        {
            vacancy.Status = VacancyStateMachine.Next(vacancy.Status, VacancyTransition.Expire);

            // A client holding the old version must reload before editing an expired vacancy.
            vacancy.Version++;
            VacancyEvents.EnqueueClosed(db, vacancy, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return overdue.Count;
    }
}

/// <summary>Runs <see cref="ExpireOverdueVacanciesHandler"/> at start-up and then every hour.</summary>
public sealed class VacancyExpiryService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<VacancyExpiryService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await ExpireOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ExpireOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var expired = await scope.ServiceProvider.GetRequiredService<ExpireOverdueVacanciesHandler>().HandleAsync(stoppingToken);
            if (expired > 0)
            {
                logger.LogInformation("Expired {Count} vacancies whose application deadline had passed.", expired);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Someone changed one of the vacancies meanwhile, or the database was unavailable: the next run
            // picks them up. Letting the exception escape would stop the whole host.
            logger.LogWarning(ex, "Expiring overdue vacancies failed; retrying in {Interval}.", Interval);
        }
    }
}
