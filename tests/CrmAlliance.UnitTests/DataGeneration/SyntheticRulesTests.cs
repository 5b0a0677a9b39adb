using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.ReferenceData;
using Microsoft.Extensions.Options;

namespace CrmAlliance.UnitTests.DataGeneration;

/// <summary>Every generated row obeys the rules the core enforces (docs/domain.md), computed here from the rows themselves.</summary>
public sealed class SyntheticRulesTests(SmallDataSet set) : IClassFixture<SmallDataSet>
{
    private static readonly PlacementRulesOptions Rules = new();
    private readonly InMemoryDataSet data = set.Data;

    private DateOnly Until => data.Options.Until;

    [Fact]
    public void Exactly_the_requested_companies_and_placements_are_generated_with_unique_valid_identifiers()
    {
        Assert.Equal(200, data.Companies.Count());
        Assert.Equal(5_000, data.Placements.Count());
        Assert.All(data.Companies, c => Assert.True(DanishIdentifiers.IsValidCvr(c.Cvr), c.Cvr));
        Assert.Equal(200, data.Companies.Select(c => c.Cvr).Distinct().Count());
        Assert.All(data.Workplaces, w => Assert.True(DanishIdentifiers.IsValidPNumber(w.PNumber), w.PNumber));
        Assert.Equal(data.Workplaces.Count(), data.Workplaces.Select(w => w.PNumber).Distinct().Count());
        var ids = data.Rows.Select(r => r switch
        {
            Company c => c.Id,
            Workplace w => w.Id,
            CompanyContact c => c.Id,
            Placement p => p.Id,
            Outcome o => o.Id,
            Candidate c => c.Id,
            _ => Guid.Empty,
        }).Where(id => id != Guid.Empty).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids.Take(500), id => Assert.Equal(7, id.Version));
    }

    [Fact]
    public void Industries_occupations_and_postcodes_are_in_the_reference_data_and_no_case_reference_is_CPR_shaped()
    {
        var catalog = InMemoryDataSet.Catalog;
        Assert.All(data.Companies, c => Assert.NotNull(catalog.FindIndustry(c.IndustryCode)));
        Assert.All(data.Workplaces, w => Assert.NotNull(catalog.FindPostcode(w.Postcode)));
        Assert.All(data.Vacancies, v => Assert.NotNull(catalog.FindOccupation(v.OccupationCode)));
        Assert.All(data.Candidates, c =>
        {
            Assert.All(c.SoughtOccupations, code => Assert.NotNull(catalog.FindOccupation(code)));
            Assert.False(CprNumbers.AppearIn(c.CaseReference), c.CaseReference);
            Assert.True(c.LastEmployerCvr is null || DanishIdentifiers.IsValidCvr(c.LastEmployerCvr));
        });
        Assert.Equal(data.Candidates.Count(), data.Candidates.Select(c => c.CaseReference).Distinct().Count());
        Assert.Equal(data.Candidates.Count(), data.Candidates.Select(c => c.DisplayAlias).Distinct().Count());
    }

    [Fact]
    public void Internships_and_wage_subsidies_stay_within_their_maximum_duration_unless_an_exemption_is_recorded()
    {
        var rule = new MaximumDurationRule(Options.Create(Rules));
        var candidates = data.Candidates.ToDictionary(c => c.Id);
        var sectors = data.Companies.ToDictionary(c => c.Id, c => c.Sector);
        var exempt = data.Exemptions.Where(e => e.Rule == PlacementRule.MaximumDuration).Select(e => e.PlacementId).ToHashSet();
        var checkedPlacements = 0;
        foreach (var p in data.Placements.Where(p => p.OfferKind.IsSubsidisedPlacement() && !exempt.Contains(p.Id)))
        {
            var candidate = candidates[p.CandidateId];
            var last = rule.LastAllowedDay(p.OfferKind, candidate.TargetGroup, candidate.HasWorkExperience, sectors[p.CompanyId], p.PlannedStart)!.Value;
            Assert.True(p.PlannedEnd <= last, $"{p.OfferKind} for {candidate.TargetGroup} at a {sectors[p.CompanyId]} employer: {p.PlannedStart}–{p.PlannedEnd}, at most to {last}");
            checkedPlacements++;
        }

        Assert.True(checkedPlacements > 1_500, $"{checkedPlacements} checked");
        Assert.All(data.Placements.Where(p => exempt.Contains(p.Id)), p => Assert.Equal(OfferKind.Internship, p.OfferKind));
    }

    [Fact]
    public void No_workplace_ever_hosts_more_internships_and_wage_subsidies_at_once_than_the_ratio_rule_allows()
    {
        var ratio = new RatioRule(Options.Create(Rules));
        var groups = data.Candidates.ToDictionary(c => c.Id, c => c.TargetGroup);
        var employees = data.Workplaces.ToDictionary(w => w.Id, w => w.OrdinaryEmployees);
        var counted = data.Placements
            .Where(p => p.OfferKind.IsSubsidisedPlacement() && RatioRuleCheck.Counts(groups[p.CandidateId]) && !(p.Status == PlacementStatus.EndedEarly && p.ActualStart is null))
            .GroupBy(p => p.WorkplaceId);
        var busiest = 0.0;
        foreach (var workplace in counted)
        {
            var periods = workplace.Select(p => new DatePeriod(p.PlannedStart, p.ActualEnd ?? p.PlannedEnd)).ToList();
            var peak = RatioRule.PeakOccupancy(periods, new DatePeriod(DateOnly.MinValue, DateOnly.MaxValue.AddDays(-1)));
            var allowed = ratio.AllowedPlaces(employees[workplace.Key]);
            Assert.True(peak <= allowed, $"{peak} at once at a workplace of {employees[workplace.Key]} (allowed {allowed})");
            busiest = Math.Max(busiest, (double)peak / allowed);
        }

        Assert.Equal(1.0, busiest);
    }

    [Fact]
    public void A_candidate_is_in_one_placement_at_a_time_and_leaves_the_pool_only_after_the_last()
    {
        var placements = data.Placements.Where(p => p.ActualStart is not null || p.Status != PlacementStatus.EndedEarly).ToLookup(p => p.CandidateId);
        foreach (var candidate in data.Candidates)
        {
            var periods = placements[candidate.Id].Select(p => new DatePeriod(p.PlannedStart, p.ActualEnd ?? p.PlannedEnd)).OrderBy(p => p.Start).ToList();
            for (var i = 1; i < periods.Count; i++)
            {
                Assert.True(periods[i].Start > periods[i - 1].End, $"{candidate.CaseReference}: {periods[i - 1]} and {periods[i]}");
            }

            if (candidate.WithdrawnAt is { } withdrawn && periods.Count > 0)
            {
                Assert.True(DanishCalendar.DateOf(withdrawn) > periods[^1].End, $"{candidate.CaseReference} withdrawn {withdrawn} before {periods[^1]}");
            }

            Assert.True(periods.Count == 0 || candidate.AvailableFrom <= periods[0].Start);
        }

        Assert.True(data.Statistics.ReusedCandidates > 1_000);
    }

    [Fact]
    public void Subsidised_placements_that_started_have_the_representatives_statement_before_the_start_and_the_offer_kinds_own_facts()
    {
        var representatives = data.Contacts.Where(c => c.IsEmployeeRepresentative).ToLookup(c => c.CompanyId, c => c.Name);
        var started = data.Placements.Where(p => p.ActualStart is not null).ToList();
        Assert.All(started.Where(p => p.OfferKind.IsSubsidisedPlacement()), p =>
        {
            Assert.NotNull(p.EmployeeRepStatement);
            Assert.True(p.EmployeeRepStatement.GivenOn <= p.ActualStart);
            Assert.Contains(p.EmployeeRepStatement.RepresentativeName, representatives[p.CompanyId]);
        });
        Assert.All(started.Where(p => p.OfferKind == OfferKind.WageSubsidy), p =>
        {
            Assert.NotNull(p.WageSubsidyConfirmation);
            Assert.True(p.WageSubsidyConfirmation.HeadcountLastMonth >= p.WageSubsidyConfirmation.AverageHeadcount12Months, "additional employment");
        });
        Assert.All(data.Placements, p => Assert.Equal(p.OfferKind == OfferKind.Internship, p.Purpose is not null));
        Assert.All(data.Placements.Where(p => !p.OfferKind.IsSubsidisedPlacement()), p => Assert.Null(p.EmployeeRepStatement));
        Assert.Contains(started, p => p.EmployeeRepStatement is { IsPositive: false });

        var candidates = data.Candidates.ToDictionary(c => c.Id);
        Assert.All(data.Placements.Where(p => p.OfferKind == OfferKind.FlexJob), p => Assert.Equal(TargetGroup.FlexJobSeeker, candidates[p.CandidateId].TargetGroup));
        Assert.All(data.Placements.Where(p => p.OfferKind == OfferKind.AdultApprenticeship), p => Assert.True(candidates[p.CandidateId].EducationLevel <= EducationLevel.UpperSecondary));
    }

    [Fact]
    public void Statuses_and_dates_agree_with_the_end_of_the_history()
    {
        Assert.All(data.Placements, p =>
        {
            switch (p.Status)
            {
                case PlacementStatus.Proposed or PlacementStatus.Approved:
                    Assert.True(p.PlannedStart > Until && p.ActualStart is null);
                    break;
                case PlacementStatus.Active:
                    Assert.True(p.ActualStart <= Until && p.ActualEnd is null && p.PlannedEnd >= Until);
                    break;
                case PlacementStatus.Completed:
                    Assert.True(p.ActualEnd == p.PlannedEnd && p.ActualEnd <= Until);
                    break;
                default:
                    Assert.False(string.IsNullOrEmpty(p.EndReason));
                    Assert.True(p.ActualStart is null ? p.ActualEnd is null : p.ActualEnd > p.ActualStart && p.ActualEnd <= Until);
                    break;
            }

            Assert.True(p.PlannedEnd > p.PlannedStart);
            Assert.True(DanishCalendar.DateOf(p.CreatedAt) <= p.PlannedStart && DanishCalendar.DateOf(p.CreatedAt) <= Until);
        });
        Assert.True(data.Placements.Max(p => p.PlannedStart) <= Until.AddDays(42));
        Assert.True(data.Placements.Min(p => p.PlannedStart) >= data.Options.From);
    }

    [Fact]
    public void Outcomes_are_recorded_only_for_placements_that_ended_and_follow_ups_only_when_due()
    {
        var placements = data.Placements.ToDictionary(p => p.Id);
        Assert.All(data.Outcomes, o =>
        {
            var end = placements[o.PlacementId].ActualEnd;
            Assert.NotNull(end);
            Assert.True(OutcomeSchedule.IsObservationPoint(o.MonthsAfterEnd));
            Assert.True(OutcomeSchedule.DueOn(end.Value, o.MonthsAfterEnd) <= Until);
            Assert.True(o.RecordedAt <= UtcDays.EndOf(Until));
            Assert.Equal(o.MonthsAfterEnd == 0, o.EndResult is not null);
            Assert.Equal(o.MonthsAfterEnd != 0, o.SelfSupporting is not null);
        });
        Assert.Equal(data.Outcomes.Count(), data.Outcomes.Select(o => (o.PlacementId, o.MonthsAfterEnd)).Distinct().Count());

        // Every follow-up that has fallen due is there: they come from the registers.
        var ended = data.Placements.Where(p => p.ActualEnd is not null).ToList();
        var expected = ended.Sum(p => Outcome.FollowUpMonths.Count(m => OutcomeSchedule.DueOn(p.ActualEnd!.Value, m) <= Until));
        Assert.Equal(expected, data.Outcomes.Count(o => o.MonthsAfterEnd > 0));
    }

    [Fact]
    public void Pledges_pass_the_pledge_rules_and_never_overlap()
    {
        Assert.NotEmpty(data.Pledges);
        foreach (var pledge in data.Pledges)
        {
            var v = new Validator().CheckPledge(new Terms(pledge));
            Assert.True(v.IsValid, string.Join("; ", v.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        foreach (var company in data.Pledges.GroupBy(p => p.CompanyId))
        {
            var periods = company.OrderBy(p => p.PeriodStart).ToList();
            for (var i = 1; i < periods.Count; i++)
            {
                Assert.True(periods[i].PeriodStart > periods[i - 1].PeriodEnd);
            }
        }
    }

    [Fact]
    public void Vacancies_are_consistent_with_their_status_and_the_placements_that_fill_them()
    {
        var vacancies = data.Vacancies.ToDictionary(v => v.Id);
        Assert.All(data.Vacancies, v =>
        {
            Assert.True(v.Positions >= 1);
            Assert.True(v.PublishedAt is null == (v.Status == Api.Features.Vacancies.VacancyStatus.Draft));
            Assert.True(DanishCalendar.DateOf(v.CreatedAt) <= Until);
            if (v.Status is Api.Features.Vacancies.VacancyStatus.Open or Api.Features.Vacancies.VacancyStatus.Draft)
            {
                Assert.True(v.StartDate >= Until && (v.ApplicationDeadline is null || v.ApplicationDeadline >= Until), $"{v.Status} vacancy starting {v.StartDate}, deadline {v.ApplicationDeadline}");
            }

            if (v.Status == Api.Features.Vacancies.VacancyStatus.Expired)
            {
                Assert.NotNull(v.ApplicationDeadline);
            }
        });
        var filling = data.Placements.Where(p => p.VacancyId is not null).ToList();
        Assert.True(filling.Count > 1_000);
        Assert.All(filling, p =>
        {
            var vacancy = vacancies[p.VacancyId!.Value];
            Assert.Equal((p.CompanyId, p.WorkplaceId, p.OfferKind), (vacancy.CompanyId, vacancy.WorkplaceId, vacancy.OfferKind));
            Assert.True(vacancy.CreatedAt <= p.CreatedAt.AddDays(60));
        });
        Assert.All(filling.GroupBy(p => p.VacancyId), g => Assert.True(g.Count() <= vacancies[g.Key!.Value].Positions));
    }

    [Fact]
    public void Workplace_headcounts_are_positive_and_wage_subsidy_only_goes_where_the_headcount_is_not_falling()
    {
        var workplaces = data.Workplaces.ToDictionary(w => w.Id);
        Assert.All(data.Workplaces, w =>
        {
            Assert.True(w.OrdinaryEmployees >= 1);
            Assert.Equal(1, w.EmployeesReportedFor.Day);
        });
        Assert.All(data.Placements.Where(p => p.OfferKind == OfferKind.WageSubsidy), p => Assert.True(workplaces[p.WorkplaceId].OrdinaryEmployees >= workplaces[p.WorkplaceId].AverageEmployees12Months));
        Assert.Contains(data.Workplaces, w => w.OrdinaryEmployees < w.AverageEmployees12Months);
    }

    private sealed record Terms(Pledge Pledge) : IPledgeTerms
    {
        public DateOnly PeriodStart => Pledge.PeriodStart;

        public DateOnly PeriodEnd => Pledge.PeriodEnd;

        public int OrdinaryJobs => Pledge.OrdinaryJobs;

        public int Internships => Pledge.Internships;

        public int WageSubsidyJobs => Pledge.WageSubsidyJobs;

        public int AdultApprenticeships => Pledge.AdultApprenticeships;

        public int FlexJobs => Pledge.FlexJobs;

        public int Mentors => Pledge.Mentors;

        public List<TargetGroup>? TargetGroups => Pledge.TargetGroups;

        public string? Note => Pledge.Note;
    }
}
