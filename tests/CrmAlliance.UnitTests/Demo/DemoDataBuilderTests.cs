using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Demo;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Features.Vacancies;

namespace CrmAlliance.UnitTests.Demo;

public sealed class DemoDataBuilderTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly string[] Consultants = ["consultant-1", "consultant-2", "consultant-3"];
    private static readonly DemoData Data = DemoDataBuilder.Build(Today, Consultants);
    private static readonly ReferenceCatalog Catalog = new();

    [Fact]
    public void The_same_day_and_consultants_give_the_same_data()
    {
        var again = DemoDataBuilder.Build(Today, Consultants);

        Assert.Equal(Data.Companies.Select(c => (c.Cvr, c.Name, c.Address)), again.Companies.Select(c => (c.Cvr, c.Name, c.Address)));
        Assert.Equal(Data.Candidates.Select(c => (c.CaseReference, c.DisplayAlias, c.TargetGroup)), again.Candidates.Select(c => (c.CaseReference, c.DisplayAlias, c.TargetGroup)));
        Assert.Equal(Data.Placements.Select(p => (p.OfferKind, p.Status, p.PlannedStart)), again.Placements.Select(p => (p.OfferKind, p.Status, p.PlannedStart)));
        Assert.Equal(Data.ContactLogs.Count, again.ContactLogs.Count);
    }

    [Fact]
    public void Fifty_companies_have_unique_valid_CVR_numbers_DB07_industries_and_Aalborg_area_postcodes()
    {
        Assert.Equal(50, Data.Companies.Count);
        Assert.Equal(50, Data.Companies.Select(c => c.Cvr).Distinct().Count());
        Assert.All(Data.Companies, c =>
        {
            Assert.True(DanishIdentifiers.IsValidCvr(c.Cvr), c.Cvr);
            Assert.NotNull(Catalog.FindIndustry(c.IndustryCode));
            Assert.StartsWith("9", Catalog.FindPostcode(c.Postcode)!.Code, StringComparison.Ordinal);
        });
        Assert.Contains(Data.Companies, c => c.Sector == Sector.Public);
        Assert.True(Data.Companies.Count(c => c.MembershipStatus == MembershipStatus.Active) > 35);
        Assert.All(Enum.GetValues<MembershipStatus>(), s => Assert.Contains(Data.Companies, c => c.MembershipStatus == s));
        Assert.All(Data.Companies, c => Assert.Equal(c.MembershipStatus == MembershipStatus.Prospect, c.JoinedOn is null));
    }

    [Fact]
    public void Every_company_has_one_to_three_workplaces_with_unique_P_numbers_and_contact_persons()
    {
        var workplaces = Data.Companies.SelectMany(c => c.Workplaces).ToList();

        Assert.All(Data.Companies, c => Assert.InRange(c.Workplaces.Count, 1, 3));
        Assert.Equal(workplaces.Count, workplaces.Select(w => w.PNumber).Distinct().Count());
        Assert.All(workplaces, w =>
        {
            Assert.True(DanishIdentifiers.IsValidPNumber(w.PNumber));
            Assert.NotNull(Catalog.FindPostcode(w.Postcode));
            Assert.InRange(w.OrdinaryEmployees, 2, 300);
        });
        Assert.All(Data.Companies, c => Assert.NotEmpty(c.Contacts));
        Assert.Contains(Data.Companies.SelectMany(c => c.Contacts), c => c.IsEmployeeRepresentative);
        Assert.All(Data.Companies.SelectMany(c => c.Contacts), c => Assert.EndsWith(".example", c.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Vacancies_cover_every_offer_kind_and_status_with_valid_DISCO_codes()
    {
        Assert.All(Enum.GetValues<OfferKind>(), k => Assert.Contains(Data.Vacancies, v => v.OfferKind == k));
        Assert.All(Enum.GetValues<VacancyStatus>(), s => Assert.Contains(Data.Vacancies, v => v.Status == s));
        Assert.All(Data.Vacancies, v =>
        {
            Assert.NotNull(Catalog.FindOccupation(v.OccupationCode));
            Assert.Equal(v.Status == VacancyStatus.Draft, v.PublishedAt is null);
            Assert.True(v.Status is not (VacancyStatus.Open or VacancyStatus.Draft) || v.StartDate > Today, $"{v.Title} is {v.Status} but starts {v.StartDate}");
            Assert.True(v.Status != VacancyStatus.Expired || v.ApplicationDeadline < Today);
        });
        var companyUsersCompany = Data.Companies.Single(c => c.Name == DemoCompanyProfiles.CompanyUsersCompany);
        Assert.All(Enum.GetValues<OfferKind>(), k => Assert.Contains(Data.Vacancies, v => v.CompanyId == companyUsersCompany.Id && v.OfferKind == k));
    }

    [Fact]
    public void About_200_candidates_cover_every_target_group_with_pseudonymous_references()
    {
        Assert.Equal(200, Data.Candidates.Count);
        Assert.All(Enum.GetValues<TargetGroup>(), g => Assert.Contains(Data.Candidates, c => c.TargetGroup == g));
        Assert.Equal(200, Data.Candidates.Select(c => c.CaseReference).Distinct().Count());
        Assert.Equal(200, Data.Candidates.Select(c => c.DisplayAlias).Distinct().Count());
        Assert.All(Data.Candidates, c =>
        {
            Assert.Matches(@"^SAG-20\d\d-\d{5}$", c.CaseReference);
            Assert.False(CprNumbers.AppearIn(c.CaseReference));
            Assert.All(c.SoughtOccupations, code => Assert.NotNull(Catalog.FindOccupation(code)));
            Assert.NotNull(Catalog.FindPostcode(c.Postcode));
            Assert.True(c.LastEmployerCvr is null || DanishIdentifiers.IsValidCvr(c.LastEmployerCvr));
        });
    }

    [Fact]
    public void Placements_occur_in_every_status_and_obey_the_placement_rules()
    {
        var candidates = Data.Candidates.ToDictionary(c => c.Id);
        var companies = Data.Companies.ToDictionary(c => c.Id);

        Assert.InRange(Data.Placements.Count, 100, 300);
        Assert.All(Enum.GetValues<PlacementStatus>(), s => Assert.Contains(Data.Placements, p => p.Status == s));
        Assert.All(Data.Placements, p =>
        {
            var candidate = candidates[p.CandidateId];
            var company = companies[p.CompanyId];
            Assert.Contains(company.Workplaces, w => w.Id == p.WorkplaceId);
            Assert.Equal(p.OfferKind == OfferKind.Internship, p.Purpose is not null);
            Assert.Equal(p.Status is PlacementStatus.Active or PlacementStatus.Completed or PlacementStatus.EndedEarly, p.ActualStart is not null);
            Assert.Equal(p.Status is PlacementStatus.Completed or PlacementStatus.EndedEarly, p.ActualEnd is not null);
            Assert.True(p.ActualEnd is null || (p.ActualEnd >= p.ActualStart && p.ActualEnd < Today));
            Assert.True(p.Status is not (PlacementStatus.Proposed or PlacementStatus.Approved) || p.PlannedStart > Today);
            if (p.OfferKind.IsSubsidisedPlacement() && p.Status != PlacementStatus.Proposed)
            {
                Assert.True(p.EmployeeRepStatement is { IsPositive: true } s && s.GivenOn <= p.PlannedStart && s.GivenOn < Today, "statement before start");
                Assert.Contains(company.Contacts, c => c.IsEmployeeRepresentative && c.Name == p.EmployeeRepStatement!.RepresentativeName);
            }

            if (p.OfferKind == OfferKind.Internship)
            {
                Assert.NotEqual(company.Cvr, candidate.LastEmployerCvr);
                var weeks = DemoDataBuilder.MaxInternshipWeeks(candidate) + (p.Exemptions.Exists(e => e.Rule == PlacementRule.MaximumDuration) ? 2 : 0);
                Assert.True(p.PlannedEnd < p.PlannedStart.AddDays(7 * weeks), $"internship of {p.PlannedEnd.DayNumber - p.PlannedStart.DayNumber + 1} days");
            }

            if (p.OfferKind == OfferKind.WageSubsidy)
            {
                Assert.True(p.PlannedEnd < p.PlannedStart.AddMonths(company.Sector == Sector.Public ? 4 : 6));
                Assert.True(p.Status == PlacementStatus.Proposed || p.WageSubsidyConfirmation is { NoDismissalWithin3Months: true } c && c.HeadcountLastMonth >= c.AverageHeadcount12Months);
            }
        });
        Assert.Contains(Data.Placements, p => p.EmployeeRepStatement is { IsPositive: false });
        Assert.Contains(Data.Placements, p => p.Exemptions.Any(e => e.Rule == PlacementRule.RatioRule));
        Assert.Contains(Data.Placements, p => p.Exemptions.Exists(e => e.Rule == PlacementRule.MaximumDuration));
    }

    [Fact]
    public void No_workplace_has_more_approved_or_active_internships_and_wage_subsidy_jobs_than_the_ratio_rule_allows_without_an_exemption()
    {
        var workplaces = Data.Companies.SelectMany(c => c.Workplaces).ToDictionary(w => w.Id);

        var counts = Data.Placements
            .Where(p => p.OfferKind.IsSubsidisedPlacement() && p.Status is PlacementStatus.Approved or PlacementStatus.Active && p.Exemptions.Count == 0)
            .GroupBy(p => p.WorkplaceId);

        Assert.All(counts, g => Assert.True(g.Count() <= DemoDataBuilder.RatioLimit(workplaces[g.Key].OrdinaryEmployees), $"{workplaces[g.Key].Name}: {g.Count()} for {workplaces[g.Key].OrdinaryEmployees} employees"));
    }

    [Fact]
    public void A_candidate_is_never_in_two_placements_at_once()
    {
        Assert.All(Data.Placements.GroupBy(p => p.CandidateId), g =>
        {
            var periods = g.Select(p => (From: p.PlannedStart, To: p.ActualEnd ?? p.PlannedEnd)).OrderBy(p => p.From).ToList();
            Assert.All(periods.Zip(periods.Skip(1)), pair => Assert.True(pair.First.To < pair.Second.From));
        });
    }

    [Fact]
    public void Ended_placements_have_an_end_outcome_and_only_the_follow_ups_whose_time_has_come()
    {
        var outcomes = Data.Outcomes.ToLookup(o => o.PlacementId);

        Assert.All(Data.Placements, p =>
        {
            var own = outcomes[p.Id].ToList();
            if (p.ActualEnd is not { } ended)
            {
                Assert.Empty(own);
                return;
            }

            Assert.Single(own, o => o.MonthsAfterEnd == 0 && o.EndResult is not null);
            Assert.All(own.Where(o => o.MonthsAfterEnd > 0), o =>
            {
                Assert.NotNull(o.SelfSupporting);
                Assert.True(ended.AddMonths(o.MonthsAfterEnd) < Today);
            });
        });
        Assert.Contains(Data.Outcomes, o => o.MonthsAfterEnd == 12);
    }

    [Fact]
    public void Two_years_of_contact_logs_and_pledges_belong_to_partners_and_the_consultants()
    {
        var now = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        Assert.True(Data.ContactLogs.Count > 300, $"{Data.ContactLogs.Count} contact logs");
        Assert.All(Data.ContactLogs, l =>
        {
            Assert.InRange(l.OccurredAt, now.AddYears(-2).AddDays(-1), now);
            Assert.Contains(l.ConsultantId, Consultants);
        });
        Assert.Contains(Data.ContactLogs, l => l.FollowUpOn > Today && !l.FollowUpDone);
        Assert.Contains(Data.ContactLogs, l => l.FollowUpOn < Today && !l.FollowUpDone);
        Assert.All(Data.Pledges, p => Assert.True(p.PeriodStart < p.PeriodEnd && p.RecordedAt < now));
        Assert.DoesNotContain(Data.Pledges, p => Data.Companies.Single(c => c.Id == p.CompanyId).MembershipStatus == MembershipStatus.Prospect);
    }

    public static TheoryData<DateOnly> Days => new() { new(2026, 1, 8), new(2026, 3, 2), new(2026, 6, 30), Today, new(2027, 9, 15) };

    /// <summary>
    /// The company user's place among peers is withheld when any count of citizens' outcomes in any month is from 1 to 4
    /// (YieldSuppression). Its placements come in cohorts, so every group of them that such a count could separate
    /// (started in a month, far from the labour market or not; ended in a month with one kind, result and follow-ups)
    /// holds at least 5, or none.
    /// </summary>
    [Theory]
    [MemberData(nameof(Days))]
    public void The_company_users_company_takes_candidates_in_cohorts_so_none_of_its_monthly_counts_is_small(DateOnly today)
    {
        var data = DemoDataBuilder.Build(today, Consultants);
        var company = data.Companies.Single(c => c.Name == DemoCompanyProfiles.CompanyUsersCompany);
        var groups = data.Candidates.ToDictionary(c => c.Id, c => c.TargetGroup);
        var far = new Api.Features.Yield.YieldOptions().FarFromMarketGroups;
        var outcomes = data.Outcomes.ToLookup(o => o.PlacementId);
        var started = data.Placements.Where(p => p.CompanyId == company.Id && p.ActualStart is not null).ToList();

        var byStart = started.GroupBy(p => (Month(p.ActualStart!.Value), far.Contains(groups[p.CandidateId]))).ToList();
        var byEnd = started.Where(p => p.ActualEnd is not null)
            .GroupBy(p => (Month(p.ActualEnd!.Value), p.OfferKind, string.Join(",", outcomes[p.Id].OrderBy(o => o.MonthsAfterEnd).Select(o => $"{o.MonthsAfterEnd}:{o.EndResult}{o.SelfSupporting}"))))
            .ToList();

        Assert.All(byStart, g => Assert.True(g.Count() >= 5, $"{g.Key}: {g.Count()} started"));
        Assert.All(byEnd, g => Assert.True(g.Count() >= 5, $"{g.Key}: {g.Count()} ended"));
        Assert.True(started.Count(p => p.ActualStart >= today.AddYears(-1)) >= 10, $"{started.Count} placements in all");
        Assert.Contains(started, p => p.ActualEnd >= today.AddYears(-1) && outcomes[p.Id].Any(o => o.MonthsAfterEnd == 6));
    }

    /// <summary>Yield:FreeLabourRisk by default: at least 5 internships and wage-subsidy placements ended with a result, under 20 % hired.</summary>
    [Theory]
    [MemberData(nameof(Days))]
    public void The_free_labour_company_ends_enough_internships_without_a_hire_to_trip_the_alert(DateOnly today)
    {
        var data = DemoDataBuilder.Build(today, Consultants);
        var company = data.Companies.Single(c => c.Name == DemoCompanyProfiles.FreeLabourCompany);
        var results = data.Outcomes.Where(o => o.MonthsAfterEnd == 0).ToDictionary(o => o.PlacementId, o => o.EndResult);
        var ended = data.Placements
            .Where(p => p.CompanyId == company.Id && p.OfferKind.IsSubsidisedPlacement() && p.ActualEnd is not null && results.ContainsKey(p.Id))
            .ToList();
        var lastTwelveMonths = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);

        Assert.True(ended.Count(p => p.ActualEnd >= lastTwelveMonths) >= 5, $"{ended.Count(p => p.ActualEnd >= lastTwelveMonths)} ended in the last 12 months");
        Assert.DoesNotContain(ended, p => results[p.Id] == Api.Features.Outcomes.EndResult.OrdinaryJob);
        if (today.DayOfYear > 60)
        {
            Assert.True(ended.Count(p => p.ActualEnd!.Value.Year == today.Year) >= 5, $"{ended.Count(p => p.ActualEnd!.Value.Year == today.Year)} ended this year");
        }
    }

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(14, 2)]
    [InlineData(15, 3)]
    [InlineData(50, 10)]
    [InlineData(60, 11)]
    public void The_ratio_limit_follows_the_rule_in_DOMAIN(int employees, int limit)
        => Assert.Equal(limit, DemoDataBuilder.RatioLimit(employees));
}
