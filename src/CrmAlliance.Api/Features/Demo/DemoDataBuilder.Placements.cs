using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Features.Yield;

namespace CrmAlliance.Api.Features.Demo;

public sealed partial class DemoDataBuilder
{
    private const string FollowUpSource = "DREAM (import)";

    private readonly List<Placement> _placements = [];
    private readonly List<Outcome> _outcomes = [];
    private readonly Dictionary<Guid, List<(DateOnly From, DateOnly To)>> _busy = [];
    private readonly Dictionary<Guid, List<Placement>> _subsidisedByWorkplace = [];

    /// <summary>The company user's company, whose placements come in cohorts only (<see cref="PlaceCohorts"/>).</summary>
    private Guid _cohortCompanyId;

    /// <summary>The company whose interns and wage-subsidy employees are never hired (<see cref="PlaceInternStream"/>).</summary>
    private Guid _freeLabourCompanyId;

    /// <summary>
    /// What every member of a cohort ends with: one end result and one answer per follow-up, so that each of the
    /// company's counts in a month is zero or a multiple of the cohort's size.
    /// </summary>
    private sealed record CohortOutcome(EndResult Result, IReadOnlyDictionary<int, bool> SelfSupporting);

    /// <summary>Members of a cohort: as many as the smallest count a company user is shown (Yield:SuppressionThreshold's default).</summary>
    private const int CohortSize = 5;

    private (List<Placement> Placements, List<Outcome> Outcomes) BuildPlacements(List<DemoCompany> companies, List<Vacancy> vacancies, List<Candidate> candidates)
    {
        var byId = companies.ToDictionary(c => c.Company.Id);
        Workplace WorkplaceOf(Vacancy v) => byId[v.CompanyId].Company.Workplaces.Single(w => w.Id == v.WorkplaceId);
        var cohortCompany = companies.Single(c => c.Profile.Name == DemoCompanyProfiles.CompanyUsersCompany);
        var freeLabourCompany = companies.Single(c => c.Profile.Name == DemoCompanyProfiles.FreeLabourCompany);
        (_cohortCompanyId, _freeLabourCompanyId) = (cohortCompany.Company.Id, freeLabourCompany.Company.Id);
        PlaceCohorts(cohortCompany, candidates);
        PlaceInternStream(freeLabourCompany, candidates);

        // The cohort company takes no one outside its cohorts: one placement alone would be a small count its user is not shown.
        vacancies = vacancies.Where(v => v.CompanyId != _cohortCompanyId).ToList();
        companies = companies.Where(c => c.Company.Id != _cohortCompanyId).ToList();

        // Filled offers were taken up; some open ones have candidates proposed or approved for them.
        foreach (var vacancy in vacancies.Where(v => v.Status == VacancyStatus.Filled).OrderBy(v => v.StartDate))
        {
            for (var i = 0; i < Math.Min(vacancy.Positions, 2); i++)
            {
                TryPlace(byId[vacancy.CompanyId], WorkplaceOf(vacancy), vacancy.OfferKind, vacancy.StartDate.AddDays(Between(0, 7)), candidates, vacancy);
            }
        }

        foreach (var vacancy in vacancies.Where(v => v.Status == VacancyStatus.Open && Chance(0.5)))
        {
            TryPlace(byId[vacancy.CompanyId], WorkplaceOf(vacancy), vacancy.OfferKind, vacancy.StartDate, candidates, vacancy);
        }

        // Most internships and wage-subsidy jobs are arranged by the consultant without a posted vacancy.
        var partners = companies.Where(c => c.HasHistory).ToList();
        for (var attempt = 0; attempt < 90; attempt++)
        {
            var demo = Pick(partners);
            var kind = Weighted((OfferKind.Internship, 65), (OfferKind.WageSubsidy, 20), (OfferKind.Mentor, 10), (OfferKind.OrdinaryJob, 5));
            TryPlace(demo, Pick(demo.Company.Workplaces), kind, DayBetween(demo.ActiveFrom, Min(demo.ActiveUntil, _today.AddDays(30))), candidates, vacancy: null);
        }

        ShowRuleCases(partners, candidates);
        return (_placements, _outcomes);
    }

    /// <summary>
    /// The company user's company trains candidates in cohorts of <see cref="CohortSize"/>: every quarter a cohort of
    /// wage-subsidy employees (six months) or interns starts on the same day, all from target groups far from the
    /// labour market or all not, and ends together with one result. Each of the company's counts of citizens' outcomes
    /// in a month is then 0, 5, 10 …, never a small count that would withhold its score and place among peers.
    /// A cohort the ratio rule or the candidates cannot fill is not started at all.
    /// </summary>
    private void PlaceCohorts(DemoCompany demo, List<Candidate> candidates)
    {
        var workplace = demo.Company.Workplaces.MaxBy(w => w.OrdinaryEmployees)!;
        var start = demo.ActiveFrom.AddDays(Between(7, 30));
        for (var cohort = 0; start <= _today.AddDays(45); cohort++, start = start.AddMonths(3))
        {
            // Wage subsidy needs additional employment; a shrinking workplace takes interns instead.
            var kind = cohort % 2 == 0 && workplace.OrdinaryEmployees >= workplace.AverageEmployees12Months ? OfferKind.WageSubsidy : OfferKind.Internship;
            var farFromMarket = cohort % 3 != 1;
            if (CohortCandidates(demo, kind, start, candidates, farFromMarket) is not { } members || !WithinRatio(workplace, start, members.End, StatusFor(start, members.End, cohort: true), places: CohortSize))
            {
                continue;
            }

            var outcome = new CohortOutcome(
                Weighted((EndResult.OrdinaryJob, 45), (EndResult.Education, 15), (EndResult.BackOnBenefits, 40)),
                Outcome.FollowUpMonths.ToDictionary(m => m, _ => Chance(0.6)));
            foreach (var candidate in members.Candidates)
            {
                TryPlace(demo, workplace, kind, start, candidates, vacancy: null, forcedStatus: StatusFor(start, members.End, cohort: true), candidate: candidate, cohort: outcome);
            }
        }
    }

    /// <summary><see cref="CohortSize"/> candidates for a cohort who would all end on the same day, or null.</summary>
    private (List<Candidate> Candidates, DateOnly End)? CohortCandidates(DemoCompany demo, OfferKind kind, DateOnly start, List<Candidate> candidates, bool farFromMarket)
    {
        // Reach as the yield counts it (by default: activity-ready, resource programme, flex-job seekers, integration).
        var far = new YieldOptions().FarFromMarketGroups;
        var order = Enumerable.Range(0, candidates.Count).ToArray();
        _random.Shuffle(order);
        var group = order.Select(i => candidates[i])
            .Where(c => Suits(c, kind) && far.Contains(c.TargetGroup) == farFromMarket && c.AvailableFrom <= start
                && !(kind == OfferKind.Internship && c.LastEmployerCvr == demo.Company.Cvr))
            .Select(c => (Candidate: c, End: PlannedEnd(kind, start, c, demo.Company.Sector)))
            .Where(c => !Busy(c.Candidate.Id).Any(b => b.From <= c.End && start <= b.To))
            .GroupBy(c => c.End)
            .FirstOrDefault(g => g.Count() >= CohortSize);
        return group is null ? null : (group.Take(CohortSize).Select(c => c.Candidate).ToList(), group.Key);
    }

    /// <summary>
    /// The free-labour company has taken an intern about once a week for the last year and hires none of them (<see cref="RecordOutcomes"/>):
    /// many internships ended, no conversion, so the manager's free-labour alert (Yield:FreeLabourRisk) lists it.
    /// </summary>
    private void PlaceInternStream(DemoCompany demo, List<Candidate> candidates)
    {
        // The last 13 months: the periods the alert is read for (this year, last year's end, a rolling 12 months).
        for (var start = Max(demo.ActiveFrom, _today.AddMonths(-13)).AddDays(Between(0, 6)); start <= Min(demo.ActiveUntil, _today.AddDays(30)); start = start.AddDays(Between(6, 9)))
        {
            // At whichever of its workplaces the ratio rule leaves room.
            foreach (var workplace in demo.Company.Workplaces.OrderByDescending(w => w.OrdinaryEmployees))
            {
                if (TryPlace(demo, workplace, OfferKind.Internship, start, candidates, vacancy: null) is not null)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The cases the rules allow only with a recorded reason, so that the lists management and the union side
    /// read are not empty: an internship beyond the ratio rule with an exemption, an internship extended
    /// beyond its maximum, and a proposal the employee representative spoke against.
    /// </summary>
    private void ShowRuleCases(List<DemoCompany> partners, List<Candidate> candidates)
    {
        var active = partners.Where(c => c.Profile.Status == MembershipStatus.Active && c.Representative is not null).ToList();
        var small = active.FirstOrDefault(c => c.Company.Workplaces.Count == 1 && _ratioRule.AllowedPlaces(c.Company.Workplaces[0].OrdinaryEmployees) == 1
            && !SubsidisedAt(c.Company.Workplaces[0].Id).Any(p => p.Status is PlacementStatus.Approved or PlacementStatus.Active || (p.ActualEnd ?? p.PlannedEnd) >= _today.AddDays(-30)));
        if (small is not null)
        {
            var start = _today.AddDays(-Between(3, 10));
            TryPlace(small, small.Company.Workplaces[0], OfferKind.Internship, start, candidates, vacancy: null, forcedStatus: PlacementStatus.Active);
            TryPlace(small, small.Company.Workplaces[0], OfferKind.Internship, start, candidates, vacancy: null, forcedStatus: PlacementStatus.Active, exemptFromRatio: true);
        }

        foreach (var demo in active)
        {
            if (TryPlace(demo, demo.Company.Workplaces[0], OfferKind.Internship, _today.AddDays(-Between(120, 200)), candidates, vacancy: null, forcedStatus: PlacementStatus.Completed, extend: true) is not null)
            {
                break;
            }
        }

        foreach (var demo in active.AsEnumerable().Reverse())
        {
            if (TryPlace(demo, demo.Company.Workplaces[0], OfferKind.Internship, _today.AddDays(Between(14, 30)), candidates, vacancy: null, forcedStatus: PlacementStatus.Proposed, negativeStatement: true) is not null)
            {
                break;
            }
        }
    }

    /// <summary>Places a suitable candidate if every rule allows it; returns null (and adds nothing) otherwise.</summary>
    /// <param name="forcedStatus">A status to use instead of the one the dates suggest (for the rule cases).</param>
    /// <param name="extend">Extend an internship by two weeks beyond its maximum, with the recorded reason.</param>
    private Placement? TryPlace(
        DemoCompany demo,
        Workplace workplace,
        OfferKind kind,
        DateOnly start,
        List<Candidate> candidates,
        Vacancy? vacancy,
        PlacementStatus? forcedStatus = null,
        bool exemptFromRatio = false,
        bool extend = false,
        bool negativeStatement = false,
        Candidate? candidate = null,
        CohortOutcome? cohort = null)
    {
        var subsidised = kind.IsSubsidisedPlacement();

        // A statement needs a representative; wage subsidy needs additional employment (a shrinking workplace cannot take it).
        if ((subsidised && demo.Representative is null) || (kind == OfferKind.WageSubsidy && workplace.OrdinaryEmployees < workplace.AverageEmployees12Months))
        {
            return null;
        }

        candidate ??= FindCandidate(demo, kind, start, candidates, vacancy?.OccupationCode);
        if (candidate is null)
        {
            return null;
        }

        var plannedEnd = PlannedEnd(kind, start, candidate, demo.Company.Sector).AddDays(extend ? 14 : 0);
        var status = forcedStatus ?? StatusFor(start, plannedEnd);

        var actualEnd = status switch
        {
            PlacementStatus.Completed => plannedEnd,
            PlacementStatus.EndedEarly => DayBetween(start.AddDays(1), Min(plannedEnd, _today).AddDays(-1)),
            _ => (DateOnly?)null,
        };
        if (Busy(candidate.Id).Any(b => b.From <= plannedEnd && start <= b.To)
            || (subsidised && !exemptFromRatio && !WithinRatio(workplace, start, actualEnd ?? plannedEnd, status)))
        {
            return null;
        }

        var consultant = Chance(0.8) ? demo.ConsultantId : Pick(_consultants);
        var created = Min(start.AddDays(-Between(7, 30)), _today.AddDays(-1));
        var decided = Max(created, Min(start.AddDays(-Between(1, 6)), _today.AddDays(-1)));
        var placement = new Placement
        {
            CandidateId = candidate.Id,
            CompanyId = demo.Company.Id,
            WorkplaceId = workplace.Id,
            VacancyId = vacancy?.Id,
            OfferKind = kind,
            Purpose = kind == OfferKind.Internship ? PurposeFor(candidate, vacancy) : null,
            PlannedStart = start,
            PlannedEnd = plannedEnd,
            ActualStart = status is PlacementStatus.Active or PlacementStatus.Completed or PlacementStatus.EndedEarly ? start : null,
            ActualEnd = actualEnd,
            Status = status,
            EndReason = status == PlacementStatus.EndedEarly ? Pick(DemoVocabulary.EndedEarlyReasons) : null,
            ProposedBy = consultant,
            CreatedAt = At(created),
        };
        RecordStatement(placement, demo, consultant, decided, negativeStatement);
        if (kind == OfferKind.WageSubsidy && status != PlacementStatus.Proposed)
        {
            placement.WageSubsidyConfirmation = new WageSubsidyConfirmation
            {
                HeadcountLastMonth = workplace.OrdinaryEmployees,
                AverageHeadcount12Months = workplace.AverageEmployees12Months,
                NoDismissalWithin3Months = true,
                ConfirmedBy = consultant,
                ConfirmedAt = At(decided),
            };
        }

        if (extend)
        {
            placement.Exemptions.Add(new RuleExemption
            {
                PlacementId = placement.Id,
                Rule = PlacementRule.MaximumDuration,
                Reason = "Forlænget med 2 uger: virksomheden afklarer en ansættelse efter sommerferien.",
                RecordedBy = consultant,
                RecordedAt = At(decided),
            });
        }

        if (exemptFromRatio)
        {
            placement.Exemptions.Add(new RuleExemption
            {
                PlacementId = placement.Id,
                Rule = PlacementRule.RatioRule,
                Reason = $"Virksomheden ansætter 2 nye medarbejdere pr. {start.AddDays(14):dd-MM-yyyy}; så er rimelighedskravet opfyldt. Aftalt med tillidsrepræsentanten.",
                RecordedBy = consultant,
                RecordedAt = At(decided),
            });
        }

        _placements.Add(placement);
        Busy(candidate.Id).Add((start, actualEnd ?? plannedEnd));
        if (subsidised)
        {
            SubsidisedAt(workplace.Id).Add(placement);
        }

        if (actualEnd is { } ended && RecordOutcomes(placement, ended, consultant, cohort) == EndResult.OrdinaryJob
            && kind is OfferKind.Internship or OfferKind.WageSubsidy && cohort is null && Chance(0.7))
        {
            // Conversion: the company hires the intern or wage-subsidy employee on ordinary terms.
            TryPlace(demo, workplace, OfferKind.OrdinaryJob, ended.AddDays(Between(1, 10)), candidates, vacancy: null, candidate: candidate);
        }

        return placement;
    }

    private Candidate? FindCandidate(DemoCompany demo, OfferKind kind, DateOnly start, List<Candidate> candidates, string? occupation)
    {
        var order = Enumerable.Range(0, candidates.Count).ToArray();
        _random.Shuffle(order);
        var suitable = order.Select(i => candidates[i]).Where(c =>
            Suits(c, kind)
            && c.AvailableFrom <= start
            && !(kind == OfferKind.Internship && c.LastEmployerCvr == demo.Company.Cvr)
            && !Busy(c.Id).Any(b => b.From <= PlannedEnd(kind, start, c, demo.Company.Sector) && start <= b.To)).ToList();
        return suitable.FirstOrDefault(c => occupation is not null && c.SoughtOccupations.Contains(occupation)) ?? suitable.FirstOrDefault();
    }

    private static bool Suits(Candidate candidate, OfferKind kind) => kind switch
    {
        OfferKind.FlexJob => candidate.TargetGroup == TargetGroup.FlexJobSeeker,
        OfferKind.AdultApprenticeship => candidate.TargetGroup is TargetGroup.InsuredUnemployed or TargetGroup.JobReadySocialAssistance or TargetGroup.Integration
            && candidate.EducationLevel <= EducationLevel.UpperSecondary,
        OfferKind.WageSubsidy => candidate.TargetGroup is not (TargetGroup.FlexJobSeeker or TargetGroup.ResourceProgramme or TargetGroup.SicknessBenefit),
        OfferKind.OrdinaryJob => candidate.TargetGroup is not (TargetGroup.FlexJobSeeker or TargetGroup.ResourceProgramme),
        OfferKind.Mentor => candidate.TargetGroup is TargetGroup.ActivityReadySocialAssistance or TargetGroup.ResourceProgramme or TargetGroup.Integration or TargetGroup.EducationBenefit or TargetGroup.SicknessBenefit,
        _ => true,
    };

    /// <summary>The maximum internship length for <paramref name="candidate"/> under the rule's default options.</summary>
    public static int MaxInternshipWeeks(Candidate candidate)
        => new MaximumDurationRule(DefaultRules).InternshipMaxWeeks(candidate.TargetGroup, candidate.HasWorkExperience);

    /// <summary>Deterministic per candidate and start, so the busy check and the placement agree.</summary>
    private DateOnly PlannedEnd(OfferKind kind, DateOnly start, Candidate candidate, Sector sector) => kind switch
    {
        // Internship and wage subsidy: as long as the rule allows (by default 4, 8 or 13 weeks by target group; 6 months
        // of wage subsidy at a private employer, 4 at a public one).
        OfferKind.Internship or OfferKind.WageSubsidy => _maximumDuration.LastAllowedDay(kind, candidate.TargetGroup, candidate.HasWorkExperience, sector, start)!.Value,
        OfferKind.AdultApprenticeship => start.AddYears(2).AddDays(-1),
        OfferKind.FlexJob => start.AddYears(1).AddDays(-1),
        OfferKind.Mentor => start.AddMonths(3).AddDays(-1),
        _ => start.AddMonths(6).AddDays(-1),
    };

    /// <summary>The status the dates suggest; a cohort is approved ahead of its start, and its members complete it together.</summary>
    private PlacementStatus StatusFor(DateOnly start, DateOnly plannedEnd, bool cohort = false)
    {
        if (start > _today)
        {
            return cohort || Chance(0.5) ? PlacementStatus.Approved : PlacementStatus.Proposed;
        }

        if (plannedEnd >= _today)
        {
            return !cohort && start < _today.AddDays(-7) && Chance(0.15) ? PlacementStatus.EndedEarly : PlacementStatus.Active;
        }

        return cohort || Chance(0.8) ? PlacementStatus.Completed : PlacementStatus.EndedEarly;
    }

    /// <summary>
    /// The ratio rule per workplace: approved and running internships and wage-subsidy jobs never exceed the
    /// limit, and at no time in the past did overlapping ones.
    /// </summary>
    private bool WithinRatio(Workplace workplace, DateOnly from, DateOnly to, PlacementStatus status, int places = 1)
    {
        if (status == PlacementStatus.Proposed)
        {
            return true;
        }

        var limit = _ratioRule.AllowedPlaces(workplace.OrdinaryEmployees);
        var others = SubsidisedAt(workplace.Id).Where(p => p.Status != PlacementStatus.Proposed && !p.Exemptions.Exists(e => e.Rule == PlacementRule.RatioRule)).ToList();
        var overlapping = others.Count(p => p.PlannedStart <= to && from <= (p.ActualEnd ?? p.PlannedEnd));
        var current = others.Count(p => p.Status is PlacementStatus.Approved or PlacementStatus.Active);
        var isCurrent = status is PlacementStatus.Approved or PlacementStatus.Active;
        return overlapping + places <= limit && (!isCurrent || current + places <= limit);
    }

    private InternshipPurpose PurposeFor(Candidate candidate, Vacancy? vacancy)
        => candidate.TargetGroup is TargetGroup.ActivityReadySocialAssistance or TargetGroup.ResourceProgramme or TargetGroup.SicknessBenefit or TargetGroup.FlexJobSeeker
            ? Weighted((InternshipPurpose.Clarification, 60), (InternshipPurpose.UpSkilling, 40))
            : vacancy is not null ? InternshipPurpose.Hiring
            : Weighted((InternshipPurpose.Hiring, 40), (InternshipPurpose.UpSkilling, 40), (InternshipPurpose.Clarification, 20));

    /// <summary>Internships and wage subsidy have the representative's statement before they are approved; a proposal may have one yet.</summary>
    private void RecordStatement(Placement placement, DemoCompany demo, string consultant, DateOnly givenOn, bool negative)
    {
        if (!placement.OfferKind.IsSubsidisedPlacement() || demo.Representative is null || (placement.Status == PlacementStatus.Proposed && !negative && Chance(0.7)))
        {
            return;
        }

        placement.EmployeeRepStatement = new EmployeeRepStatement
        {
            RepresentativeName = demo.Representative.Name,
            GivenOn = givenOn,
            IsPositive = !negative,
            Comment = negative ? "Medarbejderne frygter, at praktikken fortrænger en ordinær stilling." : Chance(0.3) ? "Ingen betænkeligheder; praktikanten får en fast kontaktperson." : null,
            RecordedBy = consultant,
        };
    }

    /// <summary>
    /// The outcome at the end and the register follow-ups after 1, 3, 6 and 12 months that have passed; a cohort's
    /// members get the cohort's, and the free-labour company's interns and wage-subsidy employees are never hired.
    /// </summary>
    private EndResult RecordOutcomes(Placement placement, DateOnly ended, string consultant, CohortOutcome? cohort = null)
    {
        var neverHired = placement.CompanyId == _freeLabourCompanyId && placement.OfferKind.IsSubsidisedPlacement();
        var result = (placement.OfferKind, placement.Status) switch
        {
            _ when cohort is not null => cohort.Result,
            (_, PlacementStatus.Completed) when neverHired => Weighted((EndResult.Education, 10), (EndResult.BackOnBenefits, 90)),
            _ when neverHired => Weighted((EndResult.DroppedOut, 50), (EndResult.BackOnBenefits, 50)),
            (OfferKind.OrdinaryJob or OfferKind.AdultApprenticeship, PlacementStatus.Completed) => EndResult.OrdinaryJob,
            (OfferKind.FlexJob, PlacementStatus.Completed) => EndResult.FlexJob,
            (OfferKind.Internship or OfferKind.WageSubsidy, PlacementStatus.Completed) => Weighted((EndResult.OrdinaryJob, 40), (EndResult.Education, 10), (EndResult.BackOnBenefits, 50)),
            (_, PlacementStatus.Completed) => Weighted((EndResult.OrdinaryJob, 20), (EndResult.Education, 30), (EndResult.BackOnBenefits, 50)),
            _ => Weighted((EndResult.OrdinaryJob, 25), (EndResult.DroppedOut, 40), (EndResult.BackOnBenefits, 35)),
        };
        _outcomes.Add(new Outcome
        {
            PlacementId = placement.Id,
            MonthsAfterEnd = 0,
            EndResult = result,
            RecordedAt = At(Min(ended.AddDays(Between(1, 5)), _today.AddDays(-1))),
            RecordedBy = consultant,
            Source = "consultant",
        });

        // Chances of being off public benefits, after the papers' figures (57 % to 80 % for job outcomes after 5 months).
        var selfSupporting = result switch
        {
            EndResult.OrdinaryJob => 0.8,
            EndResult.Education => 0.6,
            EndResult.FlexJob => 0.15,
            _ => 0.2,
        };
        foreach (var months in Outcome.FollowUpMonths.Where(m => ended.AddMonths(m).AddDays(8) < _today))
        {
            _outcomes.Add(new Outcome
            {
                PlacementId = placement.Id,
                MonthsAfterEnd = months,
                SelfSupporting = cohort?.SelfSupporting[months] ?? Chance(selfSupporting),
                RecordedAt = At(ended.AddMonths(months).AddDays(8)),
                RecordedBy = consultant,
                Source = FollowUpSource,
            });
        }

        return result;
    }

    private List<(DateOnly From, DateOnly To)> Busy(Guid candidateId)
        => _busy.TryGetValue(candidateId, out var list) ? list : _busy[candidateId] = [];

    private List<Placement> SubsidisedAt(Guid workplaceId)
        => _subsidisedByWorkplace.TryGetValue(workplaceId, out var list) ? list : _subsidisedByWorkplace[workplaceId] = [];
}
