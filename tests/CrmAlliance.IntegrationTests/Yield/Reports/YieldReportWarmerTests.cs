using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Yield.Projection;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>
/// The warm-up (<see cref="YieldReportWarmer"/>) reads the usual periods before anyone visits them and follows the
/// read model's changes, so that a manager's first visit finds every member's totals current in memory.
/// </summary>
public sealed class YieldReportWarmerTests : IAsyncLifetime, IDisposable
{
    private readonly CrmApiFactory factory = new(new Dictionary<string, string> { ["YieldWarmUp:KeepWarmSeconds"] = "1" });
    private YieldCompany member = default!;

    public async Task InitializeAsync()
    {
        var arranger = new ReadModelArranger(factory);
        member = arranger.Company("Varm Virksomhed ApS", "C", 20, raw: true);
        await arranger.SaveAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_usual_periods_are_read_before_a_visit_and_follow_a_change_to_the_read_model()
    {
        var year = ReportPeriod.Year(DanishCalendar.Today(TimeProvider.System).Year);
        var lastQuarterOfLastYear = ReportPeriod.Quarter(year.Start.Year - 1, 4);
        var totals = factory.Services.GetRequiredService<YieldMemberTotals>();
        await factory.Services.GetRequiredService<YieldReportWarmer>().FirstRound;

        var before = await CurrentStampAsync();
        Assert.Equal(before, await WarmedAsync(year, before));
        Assert.Equal(before, await WarmedAsync(lastQuarterOfLastYear, before));
        Assert.Null(totals.Known(ReportPeriod.Year(2019), YieldSlice.Whole));

        var contactsBefore = ContactsOf(totals.Known(year, YieldSlice.Whole)!);
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        await consultant.QueryAsync(
            "mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
            new { input = new { companyId = ReadModelArranger.IdOf(member), occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), channel = "PHONE", summary = "Ringede om løntilskud." } });
        await ReadModelSnapshot.SettledAsync(factory);

        // Nobody visited: the warm-up alone brought the year up to the change.
        var after = await CurrentStampAsync();
        Assert.NotEqual(before, after);
        Assert.Equal(after, await WarmedAsync(year, after));
        var warmed = totals.Known(year, YieldSlice.Whole)!;
        Assert.Equal(contactsBefore + 1, ContactsOf(warmed));
        Assert.Equal((await FreshAsync(year))[member.CompanyId].Contacts, ContactsOf(warmed));
    }

    [Fact]
    public async Task Switched_off_it_reads_nothing()
    {
        await using var off = new CrmApiFactory(new Dictionary<string, string> { ["YieldWarmUp:KeepWarmSeconds"] = "0" });
        var arranger = new ReadModelArranger(off);
        arranger.Company("Kold Virksomhed ApS", "C", 20, raw: true);
        await arranger.SaveAsync();
        await off.Services.GetRequiredService<YieldReportWarmer>().FirstRound;

        Assert.Null(off.Services.GetRequiredService<YieldMemberTotals>().Known(ReportPeriod.Year(DanishCalendar.Today(TimeProvider.System).Year), YieldSlice.Whole));
    }

    private int ContactsOf(YieldMemberTotalsSnapshot snapshot) => snapshot.Totals.GetValueOrDefault(member.CompanyId)?.Contacts ?? 0;

    [Fact]
    public void The_usual_periods_are_this_and_last_year_with_their_quarters_so_far()
    {
        var labels = YieldReportWarmer.UsualPeriods(new DateOnly(2026, 5, 14)).Select(p => p.Label).ToList();

        Assert.Equal(["2026", "2025", "2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1"], labels);
    }

    /// <summary>The stamp the warm-up holds for the period once it reached <paramref name="wanted"/> (it runs every second), or what it holds after 20 s.</summary>
    private async Task<YieldStamp?> WarmedAsync(ReportPeriod period, YieldStamp? wanted)
    {
        var totals = factory.Services.GetRequiredService<YieldMemberTotals>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (totals.Known(period, YieldSlice.Whole)?.Stamp != wanted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return totals.Known(period, YieldSlice.Whole)?.Stamp;
    }

    private async Task<YieldStamp?> CurrentStampAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await YieldStamp.ReadAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), CancellationToken.None);
    }

    private async Task<Dictionary<Guid, YieldTotals>> FreshAsync(ReportPeriod period)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<YieldCellReader>().ByCompanyAsync(period, YieldCell.All, YieldCell.All, CancellationToken.None);
    }
}
