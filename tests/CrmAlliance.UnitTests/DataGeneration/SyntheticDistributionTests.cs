using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using Xunit.Abstractions;

namespace CrmAlliance.UnitTests.DataGeneration;

/// <summary>The small data set has the shapes SyntheticData.md describes (printed, to compare with the document).</summary>
public sealed class SyntheticDistributionTests(SmallDataSet set, ITestOutputHelper output) : IClassFixture<SmallDataSet>
{
    private static readonly TargetGroup[] FarFromTheLabourMarket =
        [TargetGroup.ActivityReadySocialAssistance, TargetGroup.ResourceProgramme, TargetGroup.FlexJobSeeker, TargetGroup.Integration];

    private readonly InMemoryDataSet data = set.Data;

    [Fact]
    public void Most_companies_are_small_with_a_long_tail_of_large_ones_across_many_industries()
    {
        var sizes = data.Workplaces.GroupBy(w => w.CompanyId).Select(g => g.Sum(w => w.OrdinaryEmployees)).Order().ToList();
        var sections = data.Companies.GroupBy(c => InMemoryDataSet.Catalog.FindSection(c.IndustryCode)!.Code).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"median {sizes[sizes.Count / 2]}, max {sizes[^1]}, under 10: {sizes.Count(s => s < 10)}; sections {string.Join(" ", sections.OrderByDescending(s => s.Value).Select(s => $"{s.Key}={s.Value}"))}");

        Assert.InRange(sizes.Count(s => s < 10) / (double)sizes.Count, 0.40, 0.75);
        Assert.True(sizes[^1] >= 100, $"largest {sizes[^1]}");
        Assert.InRange(sizes[sizes.Count / 2], 3, 15);
        Assert.True(sections.Count >= 12, $"{sections.Count} sections");
        Assert.Contains("G", sections.OrderByDescending(s => s.Value).Take(3).Select(s => s.Key));
        Assert.InRange(data.Companies.Count(c => c.Sector == Sector.Public) / 200.0, 0.03, 0.25);
        Assert.All(Enum.GetValues<MembershipStatus>(), status => Assert.Contains(data.Companies, c => c.MembershipStatus == status));
        Assert.True(data.Companies.Count(c => c.MembershipStatus == MembershipStatus.Active) > 120);
    }

    [Fact]
    public void Every_offer_kind_and_target_group_occurs_and_reach_into_groups_far_from_the_labour_market_is_substantial()
    {
        var groups = data.Candidates.ToDictionary(c => c.Id, c => c.TargetGroup);
        var kinds = data.Placements.GroupBy(p => p.OfferKind).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Join(" ", kinds.Select(k => $"{k.Key}={k.Value}")));

        Assert.All(Enum.GetValues<OfferKind>(), kind => Assert.True(kinds.GetValueOrDefault(kind) > 100, $"{kind}: {kinds.GetValueOrDefault(kind)}"));
        Assert.Equal(OfferKind.Internship, kinds.MaxBy(k => k.Value).Key);
        Assert.All(Enum.GetValues<TargetGroup>(), group => Assert.Contains(data.Candidates, c => c.TargetGroup == group));
        Assert.InRange(data.Placements.Count(p => FarFromTheLabourMarket.Contains(groups[p.CandidateId])) / 5_000.0, 0.20, 0.50);
    }

    [Fact]
    public void Most_placements_have_ended_some_run_some_ended_early_and_a_few_are_planned()
    {
        var statuses = data.Placements.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count() / 5_000.0);
        output.WriteLine(string.Join(" ", statuses.Select(s => $"{s.Key}={s.Value:P1}")));

        Assert.InRange(statuses[PlacementStatus.Completed], 0.55, 0.85);
        Assert.InRange(statuses[PlacementStatus.EndedEarly], 0.08, 0.30);
        Assert.InRange(statuses[PlacementStatus.Active], 0.03, 0.20);
        Assert.InRange(statuses.GetValueOrDefault(PlacementStatus.Proposed) + statuses.GetValueOrDefault(PlacementStatus.Approved), 0.002, 0.03);
    }

    [Fact]
    public void Internships_last_longer_for_the_activity_ready_than_for_the_insured_unemployed()
    {
        var groups = data.Candidates.ToDictionary(c => c.Id, c => c.TargetGroup);
        double MeanWeeks(TargetGroup group) => data.Placements
            .Where(p => p.OfferKind == OfferKind.Internship && groups[p.CandidateId] == group)
            .Average(p => (p.PlannedEnd.DayNumber - p.PlannedStart.DayNumber + 1) / 7.0);

        Assert.True(MeanWeeks(TargetGroup.ActivityReadySocialAssistance) > 2 * MeanWeeks(TargetGroup.InsuredUnemployed));
    }

    [Fact]
    public void Results_differ_by_offer_kind_and_target_group()
    {
        var groups = data.Candidates.ToDictionary(c => c.Id, c => c.TargetGroup);
        var placements = data.Placements.ToDictionary(p => p.Id);
        var ends = data.Outcomes.Where(o => o.MonthsAfterEnd == 0).ToList();
        var sixMonths = data.Outcomes.Where(o => o.MonthsAfterEnd == 6).ToList();
        double Rate<T>(List<T> rows, Func<T, Guid> placement, Func<T, bool> success, OfferKind kind, TargetGroup group)
        {
            var slice = rows.Where(r => placements[placement(r)].OfferKind == kind && groups[placements[placement(r)].CandidateId] == group).ToList();
            Assert.True(slice.Count >= 30, $"{kind}/{group}: {slice.Count} rows");
            return slice.Count(success) / (double)slice.Count;
        }

        var wageSubsidyInsured = Rate(ends, o => o.PlacementId, o => o.EndResult == EndResult.OrdinaryJob, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed);
        var internshipActivityReady = Rate(ends, o => o.PlacementId, o => o.EndResult == EndResult.OrdinaryJob, OfferKind.Internship, TargetGroup.ActivityReadySocialAssistance);
        var lastingWageSubsidy = Rate(sixMonths, o => o.PlacementId, o => o.SelfSupporting == true, OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed);
        var lastingInternship = Rate(sixMonths, o => o.PlacementId, o => o.SelfSupporting == true, OfferKind.Internship, TargetGroup.ActivityReadySocialAssistance);
        output.WriteLine($"job at the end {wageSubsidyInsured:P0} vs {internshipActivityReady:P0}; self-supporting after 6 months {lastingWageSubsidy:P0} vs {lastingInternship:P0}");

        Assert.True(wageSubsidyInsured > 3 * internshipActivityReady);
        Assert.True(lastingWageSubsidy > 2 * lastingInternship);
        Assert.InRange(wageSubsidyInsured, 0.35, 0.80);
    }

    [Fact]
    public void About_a_third_of_the_members_are_dormant_in_a_year_and_activity_is_heavy_tailed()
    {
        var options = data.Options;
        var started = data.Placements.Select(p => (p.CompanyId, p.PlannedStart.Year));
        var posted = data.Vacancies.Select(v => (v.CompanyId, v.CreatedAt.UtcDateTime.Year));
        var active = started.Concat(posted).ToHashSet();
        for (var year = options.From.Year + 1; year < options.Until.Year; year++)
        {
            // Members all year: joined before it, and still members (left and paused members stopped at some point).
            var members = data.Companies.Where(c => c.MembershipStatus == MembershipStatus.Active && c.JoinedOn < new DateOnly(year, 1, 1)).ToList();
            var dormant = members.Count(c => !active.Contains((c.Id, year)));
            output.WriteLine($"{year}: {dormant} of {members.Count} members dormant");
            Assert.InRange(dormant / (double)members.Count, 0.15, 0.50);
        }

        var perCompany = data.Placements.GroupBy(p => p.CompanyId).Select(g => g.Count()).OrderDescending().ToList();
        var topTenth = perCompany.Take(perCompany.Count / 10).Sum() / 5_000.0;
        output.WriteLine($"the busiest tenth of companies have {topTenth:P0} of the placements");
        Assert.InRange(topTenth, 0.35, 0.85);
    }

    [Fact]
    public void Starts_and_postings_follow_the_seasons_of_farming_building_and_tourism_and_the_quiet_summer_holiday_elsewhere()
    {
        var sections = data.Companies.ToDictionary(c => c.Id, c => InMemoryDataSet.Catalog.FindSection(c.IndustryCode)!.Code);
        static bool Outdoor(string section) => section is "A" or "F" or "I";
        int[] Starts(Func<string, bool> inSection) => Enumerable.Range(1, 12)
            .Select(m => data.Placements.Count(p => inSection(sections[p.CompanyId]) && p.PlannedStart.Month == m)).ToArray();
        var outdoorStarts = Starts(Outdoor);
        var otherStarts = Starts(s => !Outdoor(s) && s is not ("G" or "P"));
        var outdoorPostings = Enumerable.Range(1, 12).Select(m => data.Vacancies.Count(v => Outdoor(sections[v.CompanyId]) && v.CreatedAt.UtcDateTime.Month == m)).ToArray();
        output.WriteLine($"farming, building, tourism: starts {string.Join(" ", outdoorStarts)}; postings {string.Join(" ", outdoorPostings)}; other starts {string.Join(" ", otherStarts)}");

        // Spring and early summer against the dark months (postings come some weeks before the start).
        static int Spring(int[] m) => m[3] + m[4] + m[5];
        static int Winter(int[] m) => m[10] + m[11] + m[0];
        Assert.True(Spring(outdoorStarts) > 1.4 * Winter(outdoorStarts));
        Assert.True(outdoorPostings[2] + outdoorPostings[3] + outdoorPostings[4] > 1.2 * Winter(outdoorPostings));

        // Everybody's July holiday.
        Assert.True(otherStarts[6] < 0.8 * (otherStarts[5] + otherStarts[7]) / 2);
    }

    [Fact]
    public void Consultants_spend_more_contacts_on_busier_partners_and_pledges_are_sometimes_met_and_sometimes_not()
    {
        var placements = data.Placements.GroupBy(p => p.CompanyId).ToDictionary(g => g.Key, g => g.Count());
        var contacts = data.ContactLogs.GroupBy(c => c.CompanyId).ToDictionary(g => g.Key, g => g.Count());
        var members = data.Companies.Where(c => c.MembershipStatus == MembershipStatus.Active).OrderBy(c => placements.GetValueOrDefault(c.Id)).ToList();
        var quiet = members.Take(members.Count / 4).Average(c => contacts.GetValueOrDefault(c.Id));
        var busy = members.Skip(3 * members.Count / 4).Average(c => contacts.GetValueOrDefault(c.Id));
        output.WriteLine($"contacts per member: quietest quarter {quiet:N1}, busiest quarter {busy:N1}");
        Assert.True(busy > 1.5 * quiet);
        Assert.True(quiet > 0, "dormant members are called too");

        var internships = data.Placements.Where(p => p.OfferKind == OfferKind.Internship).ToList();
        var comparisons = data.Pledges.Where(p => p.PeriodEnd <= data.Options.Until && p.Internships > 0)
            .Select(p => internships.Count(i => i.CompanyId == p.CompanyId && i.PlannedStart >= p.PeriodStart && i.PlannedStart <= p.PeriodEnd) - p.Internships)
            .ToList();
        Assert.Contains(comparisons, d => d < 0);
        Assert.Contains(comparisons, d => d >= 0);
    }
}
