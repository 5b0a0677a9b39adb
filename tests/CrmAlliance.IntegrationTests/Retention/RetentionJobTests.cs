using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Retention;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Retention;

/// <summary>The daily job, turned on for this test only, at a time of day a few seconds ahead: it erases and records its run.</summary>
public sealed class RetentionJobTests : IDisposable
{
    private readonly CrmApiFactory factory = new(new Dictionary<string, string>
    {
        ["Retention:JobEnabled"] = "true",
        ["Retention:JobTime"] = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(15), DanishCalendar.Zone).DateTime).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
    });

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_job_runs_at_its_time_erases_the_due_and_records_the_run()
    {
        var candidate = await factory.CreateCandidateAsync();
        await factory.WithdrawYearsAgoAsync(candidate.Id, 6);

        RetentionRun? run = null;
        for (var waited = 0; waited < 450 && run is null; waited++)
        {
            await Task.Delay(100);
            await using var db = factory.NewDbContext();
            run = await db.RetentionRuns.SingleOrDefaultAsync();
        }

        Assert.NotNull(run);
        Assert.StartsWith("daily job on ", run.TriggeredBy, StringComparison.Ordinal);
        Assert.Equal(1, run.CandidatesErased);
        await using var check = factory.NewDbContext();
        Assert.NotNull((await check.Candidates.SingleAsync(c => c.Id == candidate.Id)).ErasedAt);
    }

    [Fact]
    public void The_next_run_is_today_at_the_time_until_it_has_passed_then_tomorrow_also_across_daylight_saving()
    {
        var zone = DanishCalendar.Zone;
        var morning = new DateTimeOffset(2026, 3, 28, 6, 0, 0, zone.GetUtcOffset(new DateTime(2026, 3, 28, 6, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(20.5), RetentionJobService.UntilNextRun(morning, new TimeOnly(2, 30)));
        Assert.Equal(TimeSpan.FromHours(1), RetentionJobService.UntilNextRun(morning, new TimeOnly(7, 0)));
    }
}
