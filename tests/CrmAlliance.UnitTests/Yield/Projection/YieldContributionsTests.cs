using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.UnitTests.Yield.Projection;

public sealed class YieldContributionsTests
{
    private static readonly Guid Company = Guid.Parse("0193a5b0-0000-7000-8000-000000000001");
    private readonly YieldContributions contributions = new(new YieldOptions());

    private static YieldPlacementFact Placement(DateOnly start, DateOnly? end, string kind = nameof(OfferKind.Internship), string group = nameof(TargetGroup.ResourceProgramme)) => new()
    {
        PlacementId = Guid.NewGuid(),
        CompanyId = Company,
        OfferKind = kind,
        TargetGroup = group,
        StartedOn = start,
        EndedOn = end,
    };

    private static YieldTotals Cell(Dictionary<YieldCellKey, YieldTotals> cells, Guid company, YieldGrain grain, int start, string kind = YieldCell.All, string group = YieldCell.All)
        => cells.TryGetValue(new YieldCellKey(company, grain, start, kind, group), out var totals) ? totals : new YieldTotals();

    [Fact]
    public void A_placement_across_a_year_end_books_its_days_in_each_month_and_counts_start_and_end_once()
    {
        var deltas = new YieldDeltas();
        contributions.AddPlacement(deltas, Placement(new DateOnly(2025, 12, 20), new DateOnly(2026, 1, 10)), asOf: new DateOnly(2026, 6, 1), +1);
        var cells = deltas.Cells();

        Assert.Equal(12, Cell(cells, Company, YieldGrain.Month, 202512).PlacementDays);
        Assert.Equal(10, Cell(cells, Company, YieldGrain.Month, 202601).PlacementDays);
        Assert.Equal(12, Cell(cells, Company, YieldGrain.Year, 202501).PlacementDays);
        Assert.Equal(10, Cell(cells, Company, YieldGrain.Quarter, 202601).PlacementDays);
        Assert.Equal(1, Cell(cells, Company, YieldGrain.Year, 202501).PlacementsStarted);
        Assert.Equal(0, Cell(cells, Company, YieldGrain.Year, 202601).PlacementsStarted);
        Assert.Equal(1, Cell(cells, Company, YieldGrain.Year, 202601).PlacementsEnded);
        Assert.Equal(1, Cell(cells, Company, YieldGrain.Month, 202512, nameof(OfferKind.Internship), nameof(TargetGroup.ResourceProgramme)).FarFromMarketStarted);
        Assert.Equal(22, Cell(cells, YieldCell.AllianceId, YieldGrain.Month, 202601, group: nameof(TargetGroup.ResourceProgramme)).PlacementDays
            + Cell(cells, YieldCell.AllianceId, YieldGrain.Month, 202512, group: nameof(TargetGroup.ResourceProgramme)).PlacementDays);

        // Companies keep quarter and year cells only for the whole; the alliance has them for every slice.
        Assert.DoesNotContain(new YieldCellKey(Company, YieldGrain.Year, 202501, nameof(OfferKind.Internship), YieldCell.All), cells.Keys);
        Assert.Contains(new YieldCellKey(YieldCell.AllianceId, YieldGrain.Year, 202501, nameof(OfferKind.Internship), YieldCell.All), cells.Keys);
    }

    [Fact]
    public void A_running_placement_books_days_through_the_as_of_day_only()
    {
        var deltas = new YieldDeltas();
        contributions.AddPlacement(deltas, Placement(new DateOnly(2026, 3, 25), null), asOf: new DateOnly(2026, 4, 2), +1);
        var cells = deltas.Cells();

        Assert.Equal(7, Cell(cells, Company, YieldGrain.Month, 202603).PlacementDays);
        Assert.Equal(2, Cell(cells, Company, YieldGrain.Month, 202604).PlacementDays);
        Assert.Equal(0, Cell(cells, Company, YieldGrain.Month, 202604).PlacementsEnded);
        Assert.Equal(9, Cell(cells, Company, YieldGrain.Month, 202603).CooperationActivity + Cell(cells, Company, YieldGrain.Month, 202604).CooperationActivity);
    }

    [Fact]
    public void Removing_what_was_added_leaves_no_cells()
    {
        var fact = Placement(new DateOnly(2025, 2, 1), new DateOnly(2025, 4, 30));
        fact.EndResult = "OrdinaryJob";
        fact.SelfSupporting3 = true;
        var deltas = new YieldDeltas();
        contributions.AddPlacement(deltas, fact, new DateOnly(2026, 1, 1), +1);
        contributions.AddPlacement(deltas, fact, new DateOnly(2026, 1, 1), -1);

        Assert.Empty(deltas.Cells());
    }

    [Fact]
    public void Results_and_follow_ups_count_in_the_month_the_placement_ended_and_conversion_only_for_internship_and_wage_subsidy()
    {
        var internship = Placement(new DateOnly(2025, 1, 6), new DateOnly(2025, 2, 2));
        internship.EndResult = "OrdinaryJob";
        internship.SelfSupporting6 = true;
        internship.SelfSupporting1 = false;
        var ordinary = Placement(new DateOnly(2025, 1, 6), new DateOnly(2025, 2, 2), nameof(OfferKind.OrdinaryJob), nameof(TargetGroup.InsuredUnemployed));
        ordinary.EndResult = "OrdinaryJob";
        var deltas = new YieldDeltas();
        contributions.AddPlacement(deltas, internship, new DateOnly(2026, 1, 1), +1);
        contributions.AddPlacement(deltas, ordinary, new DateOnly(2026, 1, 1), +1);
        var february = Cell(deltas.Cells(), Company, YieldGrain.Month, 202502);

        Assert.Equal(2, february.EndedOrdinaryJob);
        Assert.Equal(1, february.ConversionEnded);
        Assert.Equal(1, february.ConvertedToOrdinaryJob);
        Assert.Equal((1, 1), (february.FollowUp6Recorded, february.SelfSupporting6));
        Assert.Equal((1, 0), (february.FollowUp1Recorded, february.SelfSupporting1));
        Assert.Equal(0, february.FollowUp3Recorded);
    }

    [Fact]
    public void A_pledge_is_spread_over_its_days_and_its_months_sum_exactly_to_what_was_pledged()
    {
        var pledge = new YieldPledgeFact { PledgeId = Guid.NewGuid(), CompanyId = Company, PeriodStart = new DateOnly(2024, 2, 10), PeriodEnd = new DateOnly(2025, 2, 9), Internships = 4, Mentors = 1 };
        var months = Enumerable.Range(0, 13).Select(m => new DateOnly(2024, 2, 1).AddMonths(m)).ToList();
        var sum = months.Aggregate(PledgedPositions.Zero, (total, month) => total + pledge.PledgedIn(month, month.AddMonths(1).AddDays(-1), nameof(OfferKind.Internship)));

        // 366 days (2024 is a leap year); February 2024 holds 20 of them.
        Assert.Equal(PledgedPositions.Share(4, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), sum);
        var february = pledge.PledgedIn(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29), nameof(OfferKind.Internship));
        Assert.Equal((40, 183), ((int)february.Numerator, (int)february.Denominator)); // 4 × 20 / 366
        Assert.Equal(5m, pledge.PledgedIn(new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), YieldCell.All).Rounded(2));
        Assert.True(pledge.PledgedIn(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), YieldCell.All).IsZero);
    }

    [Fact]
    public void A_vacancy_counts_in_its_publication_month_and_a_contact_in_its_own()
    {
        var deltas = new YieldDeltas();
        new YieldContributions(new YieldOptions()).AddVacancy(deltas, new YieldVacancyFact { VacancyId = Guid.NewGuid(), CompanyId = Company, OfferKind = nameof(OfferKind.WageSubsidy), Positions = 3, PostedOn = new DateOnly(2025, 5, 31) }, +1);
        YieldContributions.AddContact(deltas, new YieldContactFact { ContactLogId = Guid.NewGuid(), CompanyId = Company, OccurredOn = new DateOnly(2025, 6, 1) }, +1);
        var cells = deltas.Cells();

        Assert.Equal((1, 3, 1), (Cell(cells, Company, YieldGrain.Month, 202505).VacanciesPosted, Cell(cells, Company, YieldGrain.Month, 202505).PositionsOffered, Cell(cells, Company, YieldGrain.Month, 202505).CooperationActivity));
        Assert.Equal(1, Cell(cells, Company, YieldGrain.Month, 202506).Contacts);
        Assert.Equal(1, Cell(cells, Company, YieldGrain.Quarter, 202504).Contacts);
        Assert.Equal(1, Cell(cells, YieldCell.AllianceId, YieldGrain.Month, 202505, nameof(OfferKind.WageSubsidy)).VacanciesPosted);
    }
}
