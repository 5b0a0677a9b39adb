using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>
/// The ranking kept in memory and brought up to date by re-scoring and re-placing only the companies a read-model
/// version changed (<see cref="YieldRanking.With"/>) equals, after every step of a sequence of changes, a ranking made
/// afresh from the cells: every member's score, rank, percentile and median in the alliance, its section and its band,
/// for the whole alliance and an offer-kind slice, and the lists a section filter gives.
/// </summary>
public sealed class IncrementalRankingTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly ReportPeriod Year = ReportPeriod.Year(2037);
    private static readonly YieldSlice Internships = new(OfferKind.Internship);
    private static readonly DateOnly Started = new(2037, 2, 1);
    private static readonly DateOnly Ended = new(2037, 3, 1);

    [Fact]
    public async Task The_kept_ranking_equals_one_made_afresh_after_every_change_and_rescored_only_the_changed_company()
    {
        var bookedThrough = await BookedThroughAsync();
        var arranger = new ReadModelArranger(factory, asOf: bookedThrough);
        var anker = arranger.Company("Anker Inkrement ApS", "R", 20);
        var birk = arranger.Company("Birk Inkrement ApS", "R", 20);
        var ceder = arranger.Company("Ceder Inkrement ApS", "S", 20);
        var dal = arranger.Company("Dal Inkrement ApS", "S", 20);
        var eg = arranger.Company("Eg Inkrement A/S", "R", 60);
        arranger.Placements(4, anker, OfferKind.Internship, TargetGroup.InsuredUnemployed, Started, Ended, EndResult.OrdinaryJob);
        arranger.Placements(2, birk, OfferKind.OrdinaryJob, TargetGroup.InsuredUnemployed, Started, Ended, EndResult.OrdinaryJob);
        arranger.Placements(2, ceder, OfferKind.OrdinaryJob, TargetGroup.InsuredUnemployed, Started, Ended, EndResult.OrdinaryJob);
        arranger.Placements(1, dal, OfferKind.Internship, TargetGroup.InsuredUnemployed, Started, Ended, EndResult.OrdinaryJob);

        // Running, and not booked yet: the day clock adds its days below.
        arranger.Placement(anker, OfferKind.OrdinaryJob, TargetGroup.InsuredUnemployed, new DateOnly(2037, 1, 10));
        await arranger.SaveAsync();

        // Made afresh the first time it is asked for; kept from then on.
        var first = await KeptAndAfreshAsync();
        Assert.Equal(first.Count, first.Rescored);
        await KeptAndAfreshAsync(Internships);
        Assert.Equal(first.Of(birk.CompanyId)!.Overall.Rank, first.Of(ceder.CompanyId)!.Overall.Rank);

        // Dal moves up past Anker, Birk and Ceder: only Dal is re-scored.
        arranger.Placements(6, dal, OfferKind.Internship, TargetGroup.FlexJobSeeker, Started, Ended, EndResult.OrdinaryJob);
        await arranger.SaveAsync();
        var movedUp = await KeptAndAfreshAsync();
        Assert.Equal(1, movedUp.Rescored);
        Assert.True(movedUp.Of(dal.CompanyId)!.Overall.Rank < movedUp.Of(anker.CompanyId)!.Overall.Rank);
        Assert.True(first.Of(dal.CompanyId)!.Overall.Rank > first.Of(anker.CompanyId)!.Overall.Rank);
        Assert.Equal(1, (await KeptAndAfreshAsync(Internships)).Rescored);

        // Eg ties Birk and Ceder exactly (three times the placements at three times the size): they share a rank.
        arranger.Placements(6, eg, OfferKind.OrdinaryJob, TargetGroup.InsuredUnemployed, Started, Ended, EndResult.OrdinaryJob);
        await arranger.SaveAsync();
        var tied = await KeptAndAfreshAsync();
        Assert.Equal(tied.Of(birk.CompanyId)!.Score, tied.Of(eg.CompanyId)!.Score);
        Assert.Equal(tied.Of(birk.CompanyId)!.Overall.Rank, tied.Of(eg.CompanyId)!.Overall.Rank);
        Assert.Equal(tied.Of(birk.CompanyId)!.InIndustrySection.Rank, tied.Of(eg.CompanyId)!.InIndustrySection.Rank);

        // Anker leaves section R and its size band; Birk leaves the alliance.
        arranger.Company("Anker Inkrement ApS", "S", 300, id: anker.CompanyId);
        arranger.Company("Birk Inkrement ApS", "R", 20, status: MembershipStatus.Left, id: birk.CompanyId);
        await arranger.SaveAsync();
        var moved = await KeptAndAfreshAsync();
        Assert.Equal(1, moved.Rescored);
        Assert.Null(moved.Of(birk.CompanyId));
        Assert.Equal("S", moved.Of(anker.CompanyId)!.InIndustrySection.Group);
        var sectionR = await ListAsync("R", sizeBand: null, fresh: false);
        Assert.Equal(await ListAsync("R", sizeBand: null, fresh: true), sectionR);
        Assert.DoesNotContain(sectionR, row => row.StartsWith(anker.CompanyId.ToString(), StringComparison.Ordinal));
        Assert.Equal(await ListAsync(null, "250+", fresh: true), await ListAsync(null, "250+", fresh: false));

        // The day clock books the running placement's days: Anker's score goes up.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<YieldProjector>().AdvanceDaysAsync(new DateOnly(2037, 6, 30), CancellationToken.None) >= 1);
        }

        var clocked = await KeptAndAfreshAsync();
        Assert.True(clocked.Of(anker.CompanyId)!.Score > moved.Of(anker.CompanyId)!.Score);
        Assert.True(clocked.Rescored < clocked.Count);

        // A rebuild (a new build, not a later version) makes it rank afresh.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        var rebuilt = await KeptAndAfreshAsync();
        Assert.Equal(rebuilt.Count, rebuilt.Rescored);
        Assert.Null(rebuilt.Of(dal.CompanyId));
    }

    /// <summary>The kept ranking (this process's own, as requests get it) after asserting it equals one made afresh.</summary>
    private async Task<YieldRanking> KeptAndAfreshAsync(YieldSlice? slice = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var kept = await scope.ServiceProvider.GetRequiredService<YieldRankings>().RankAsync(Year, slice ?? YieldSlice.Whole, CancellationToken.None);
        var afresh = await Afresh(scope.ServiceProvider).RankAsync(Year, slice ?? YieldSlice.Whole, CancellationToken.None);
        Assert.Equal(Describe(afresh), Describe(kept));
        Assert.Equal(afresh.Count, afresh.Rescored);
        return kept;
    }

    private async Task<List<string>> ListAsync(string? section, string? sizeBand, bool fresh)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var query = new YieldRankingQuery(fresh ? Afresh(services) : services.GetRequiredService<YieldRankings>(), services.GetRequiredService<YieldOptions>());
        var page = await query.ListAsync(Year.Label, YieldSlice.Whole, section, sizeBand, null, new PageRequest(100), new Actor("test", "manager@test.local", Role.Manager, null), CancellationToken.None);
        return [$"total {page.Page.TotalCount}", .. Describe(page.Page.Items)];
    }

    private static YieldRankings Afresh(IServiceProvider services)
        => new(services.GetRequiredService<CrmDbContext>(), services.GetRequiredService<YieldCellReader>(), services.GetRequiredService<YieldOptions>(), new YieldMemberTotals());

    private async Task<DateOnly> BookedThroughAsync()
    {
        await using var db = factory.NewDbContext();
        return (await db.YieldState.AsNoTracking().SingleAsync()).DaysBookedThrough;
    }

    private static List<string> Describe(IEnumerable<RankedCompany> ranking)
        => ranking.Select(r => $"{r.Company.Id} {r.Company.Name} {r.Score} {r.Overall} {r.InIndustrySection} {r.InSizeBand} {r.Figures.PlacementsStarted} {r.Figures.Totals.PlacementDays}").ToList();
}
