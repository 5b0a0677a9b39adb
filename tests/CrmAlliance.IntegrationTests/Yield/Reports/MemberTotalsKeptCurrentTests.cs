using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Yield.Projection;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>
/// The members' totals kept in memory (<see cref="YieldMemberTotals"/>) and patched from the projection's change log
/// give the same ranking as one read afresh from the cells, after real changes that reach the projection over the bus.
/// </summary>
public sealed class MemberTotalsKeptCurrentTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_ranking_patched_after_events_equals_one_read_afresh_and_shows_the_changes()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var arranger = new ReadModelArranger(factory);
        var members = Enumerable.Range(1, 6).Select(i => arranger.Company($"Patchvirksomhed {i}", i % 2 == 0 ? "C" : "G", 10 * i, raw: true)).ToList();
        await arranger.SaveAsync();
        var period = ReportPeriod.Parse(DanishCalendar.Today(TimeProvider.System).Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var before = await RankAsync(period);

        // Contacts and a pledge through GraphQL: their events reach the projection through the outbox and the bus.
        foreach (var company in members.Take(3))
        {
            await consultant.QueryAsync(
                "mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
                new { input = new { companyId = ReadModelArranger.IdOf(company), occurredAt = DateTimeOffset.UtcNow.AddMinutes(-10), channel = "PHONE", summary = "Ringede om praktik." } });
        }

        await consultant.QueryAsync(
            "mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id } }",
            new { input = new { companyId = ReadModelArranger.IdOf(members[4]), periodStart = period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), periodEnd = period.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), internships = 3 } });
        await ReadModelSnapshot.SettledAsync(factory);

        var patched = await RankAsync(period);
        var afresh = await RankAsync(period, new YieldMemberTotals());

        Assert.Equal(Describe(afresh), Describe(patched));
        Assert.NotEqual(Describe(before), Describe(patched));
        Assert.All(members.Take(3), m => Assert.Equal(Contacts(before, m.CompanyId) + 1, Contacts(patched, m.CompanyId)));
        Assert.True(patched.Single(r => r.Company.Id == members[4].CompanyId).Figures.Pledged > 0);

        // After a rebuild everything is read afresh, and still equal.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        Assert.Equal(Describe(await RankAsync(period, new YieldMemberTotals())), Describe(await RankAsync(period)));
    }

    [Fact]
    public async Task A_company_that_stops_being_a_member_leaves_the_patched_ranking()
    {
        var arranger = new ReadModelArranger(factory);
        var leaving = arranger.Company("Udtrædende ApS", "C", 25, raw: true);
        await arranger.SaveAsync();
        var period = ReportPeriod.Parse("2025");
        Assert.Contains(await RankAsync(period), r => r.Company.Id == leaving.CompanyId);

        arranger.Company("Udtrædende ApS", "C", 25, status: MembershipStatus.Left, id: leaving.CompanyId);
        await arranger.SaveAsync();

        Assert.DoesNotContain(await RankAsync(period), r => r.Company.Id == leaving.CompanyId);
        Assert.Equal(Describe(await RankAsync(period, new YieldMemberTotals())), Describe(await RankAsync(period)));
    }

    [Fact]
    public async Task A_dormant_members_last_active_month_follows_a_change_to_its_activity()
    {
        var arranger = new ReadModelArranger(factory);
        var sleeper = arranger.Company("Sovende Smedje ApS", "C", 12, raw: true);
        arranger.Vacancy(sleeper, OfferKind.OrdinaryJob, 1, new DateOnly(2034, 3, 10));
        await arranger.SaveAsync();
        Assert.Equal(new DateOnly(2034, 3, 1), await LastActiveAsync(sleeper.CompanyId, "2035"));

        arranger.Vacancy(sleeper, OfferKind.OrdinaryJob, 1, new DateOnly(2034, 9, 2));
        await arranger.SaveAsync();

        Assert.Equal(new DateOnly(2034, 9, 1), await LastActiveAsync(sleeper.CompanyId, "2035"));
    }

    [Fact]
    public async Task The_alliances_pledged_positions_kept_in_memory_follow_a_recorded_and_a_changed_pledge()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var arranger = new ReadModelArranger(factory);
        var pledger = arranger.Company("Løftegiver A/S", "C", 40, raw: true);
        await arranger.SaveAsync();
        var period = ReportPeriod.Parse("2033");
        var before = await AlliancePledgedAsync(period);
        var (start, end) = (period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var recorded = await consultant.QueryAsync(
            "mutation($input: RecordPledgeInput!) { recordPledge(input: $input) { id version } }",
            new { input = new { companyId = ReadModelArranger.IdOf(pledger), periodStart = start, periodEnd = end, internships = 3 } });
        await ReadModelSnapshot.SettledAsync(factory);
        Assert.Equal(before + Positions(3, period), await AlliancePledgedAsync(period));
        Assert.Equal(await AlliancePledgedAsync(period, new YieldKeptPledges()), await AlliancePledgedAsync(period));

        await consultant.QueryAsync(
            "mutation($input: UpdatePledgeInput!) { updatePledge(input: $input) { id } }",
            new
            {
                input = new
                {
                    id = recorded["recordPledge"]!["id"]!.GetValue<string>(),
                    version = recorded["recordPledge"]!["version"]!.GetValue<int>(),
                    periodStart = start,
                    periodEnd = end,
                    ordinaryJobs = 0,
                    internships = 5,
                    wageSubsidyJobs = 0,
                    adultApprenticeships = 0,
                    flexJobs = 0,
                    mentors = 0,
                },
            });
        await ReadModelSnapshot.SettledAsync(factory);
        Assert.Equal(before + Positions(5, period), await AlliancePledgedAsync(period));
        Assert.Equal(await AlliancePledgedAsync(period, new YieldKeptPledges()), await AlliancePledgedAsync(period));
    }

    private async Task<DateOnly?> LastActiveAsync(Guid companyId, string period)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var dormant = await scope.ServiceProvider.GetRequiredService<DormantPartnersQuery>().ListAsync(
            period, null, null, new PageRequest(100), new Actor("test", "manager@test.local", Role.Manager, null), CancellationToken.None);
        return dormant.Page.Items.Single(d => d.Company.Id == companyId).LastActiveMonth;
    }

    private async Task<IReadOnlyList<RankedCompany>> RankAsync(ReportPeriod period, YieldMemberTotals? own = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var rankings = own is null
            ? services.GetRequiredService<YieldRankings>()
            : new YieldRankings(services.GetRequiredService<CrmDbContext>(), services.GetRequiredService<YieldCellReader>(), services.GetRequiredService<YieldOptions>(), own);
        return await rankings.RankAsync(period, YieldSlice.Whole, CancellationToken.None);
    }

    /// <summary>The alliance's pledged positions in the period, through the process's kept pledges or through <paramref name="own"/> (read afresh).</summary>
    private async Task<PledgedPositions> AlliancePledgedAsync(ReportPeriod period, YieldKeptPledges? own = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var reader = own is null ? services.GetRequiredService<YieldCellReader>() : new YieldCellReader(services.GetRequiredService<CrmDbContext>(), own);
        return (await reader.AllianceAsync(period, YieldCell.All, YieldCell.All, CancellationToken.None)).Pledged;
    }

    private static PledgedPositions Positions(int count, ReportPeriod period) => PledgedPositions.Share(count, period.Start, period.End, period.Start, period.End);

    private static int Contacts(IReadOnlyList<RankedCompany> ranking, Guid companyId) => ranking.Single(r => r.Company.Id == companyId).Figures.Contacts;

    private static List<string> Describe(IReadOnlyList<RankedCompany> ranking)
        => ranking.Select(r => $"{r.Company.Id} {r.Company.Name} {r.Score} {r.Overall.Rank} {r.InIndustrySection.Rank} {r.Figures.Contacts} {r.Figures.Pledged} {r.Figures.PlacementsStarted}").ToList();
}
