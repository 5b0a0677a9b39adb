using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;

namespace CrmAlliance.DataGeneration;

public sealed partial class ActivityBuilder
{
    private const string ImportSource = "DREAM (import)";

    private static readonly int[] FollowUpMonths = Outcome.FollowUpMonths;

    /// <summary>Writes the placement with its new candidate, vacancy, statement, outcomes and, now and then, the ordinary hire that followed.</summary>
    private async Task WriteAsync(PlannedPlacement planned, CandidateChoice candidate, CancellationToken cancellationToken, bool mayConvert = true)
    {
        var company = planned.Company;
        var until = options.Until;
        var consultant = random.Chance(0.8) ? company.ConsultantId : random.Pick(consultantIds);
        var occupation = random.Pick(SyntheticVocabulary.OccupationsBySection[company.Section]);
        var lastDay = planned.ActualEnd ?? (planned.ActualStart is null && planned.Status == PlacementStatus.EndedEarly ? planned.Start : planned.PlannedEnd);
        var poolIndex = candidate.PoolIndex is { } reused && pool[reused].LeavesOn > lastDay ? reused : (int?)null;
        if (poolIndex is null)
        {
            if (candidate.PoolIndex is { } notStaying)
            {
                // The reused candidate leaves the pool too soon for this (longer) placement: back to the pool, and a new one takes it.
                pool.BusyUntil(notStaying, planned.Start);
                Statistics.ReusedCandidates--;
            }

            poolIndex = await NewCandidateAsync(candidate, occupation, planned, lastDay, cancellationToken);
        }

        var pooled = pool[poolIndex.Value];
        var createdAt = time.OfficeTime(planned.Created, random);
        var cancelled = planned.ActualStart is null && planned.Status == PlacementStatus.EndedEarly;
        // A placement called off before it started, and a hire that follows a placement, fill no posted vacancy.
        var vacancyId = cancelled || !mayConvert ? null : await LinkedVacancyAsync(planned, occupation, cancellationToken);
        var subsidised = planned.Kind.IsSubsidisedPlacement();
        var decided = planned.Start < until ? planned.Start : until;
        var approved = planned.Status == PlacementStatus.Approved || planned.ActualStart is not null;
        var placement = SeedRows.Blank<Placement>();
        placement.Id = random.NewId(createdAt);
        placement.CandidateId = pooled.Id;
        placement.CompanyId = company.Id;
        placement.WorkplaceId = planned.Workplace.Id;
        placement.VacancyId = vacancyId;
        placement.OfferKind = planned.Kind;
        placement.Purpose = planned.Kind == OfferKind.Internship ? Purpose(pooled, vacancyId) : null;
        placement.PlannedStart = planned.Start;
        placement.PlannedEnd = planned.PlannedEnd;
        placement.ActualStart = planned.ActualStart;
        placement.ActualEnd = planned.ActualEnd;
        placement.Status = planned.Status;
        placement.EndReason = planned.EarlyEnd?.Reason;
        placement.Exemptions = [];
        placement.ProposedBy = consultant;
        placement.CreatedAt = createdAt;

        // The statement comes before the start; a proposal or a placement called off may have one already.
        if (subsidised && (approved || random.Chance(0.4)))
        {
            var positive = random.Chance(0.96);
            placement.EmployeeRepStatement = new EmployeeRepStatement
            {
                RepresentativeName = company.RepresentativeName!,
                GivenOn = random.DayBetween(planned.Created, decided),
                IsPositive = positive,
                Comment = !positive ? SyntheticVocabulary.NegativeStatementComment : random.Chance(0.25) ? random.Pick(SyntheticVocabulary.StatementComments) : null,
                RecordedBy = consultant,
            };
        }

        if (planned.Kind == OfferKind.WageSubsidy && (approved || random.Chance(0.3)))
        {
            placement.WageSubsidyConfirmation = new WageSubsidyConfirmation
            {
                HeadcountLastMonth = planned.Workplace.Employees,
                AverageHeadcount12Months = planned.Workplace.AverageEmployees,
                NoDismissalWithin3Months = true,
                ConfirmedBy = consultant,
                ConfirmedAt = time.OfficeTime(random.DayBetween(planned.Created, decided), random),
            };
        }

        placement.Version = 1 + (placement.EmployeeRepStatement is null ? 0 : 1) + (placement.WageSubsidyConfirmation is null ? 0 : 1)
            + (approved ? 1 : 0) + (planned.ActualStart is null ? 0 : 1) + (planned.ActualEnd is not null || cancelled ? 1 : 0);
        await sink.AddAsync(placement, cancellationToken);
        Statistics.Placements++;

        if (planned.Extended)
        {
            var recordedAt = time.OfficeTime(random.DayBetween(planned.Created, decided), random);
            await sink.AddAsync(
                new RuleExemption
                {
                    Id = random.NewId(recordedAt),
                    PlacementId = placement.Id,
                    Rule = PlacementRule.MaximumDuration,
                    Reason = "Forlænget med 2 uger: virksomheden afklarer en ansættelse i forlængelse af praktikken.",
                    RecordedBy = consultant,
                    RecordedAt = recordedAt,
                },
                cancellationToken);
        }

        var result = await OutcomesAsync(placement, pooled.Group, planned.EarlyEnd?.Result, consultant, cancellationToken);
        var freeFrom = lastDay.AddDays(1);
        if (mayConvert && result == EndResult.OrdinaryJob && placement.Status == PlacementStatus.Completed && placement.OfferKind.IsSubsidisedPlacement()
            && random.Chance(ConversionChance) && Statistics.Placements < options.Placements)
        {
            // Conversion: the company hires its intern or wage-subsidy employee on ordinary terms.
            var start = planned.ActualEnd!.Value.AddDays(random.Between(1, 14));
            var year = start.Year - options.From.Year;
            var dormant = year < company.DormantYears.Length && company.DormantYears[year];
            if (start <= until.AddDays(ActivityCalendar.PipelineDays) && company.IsActiveOn(start) && !dormant && pooled.LeavesOn > start.AddDays(PlacementSpans.Short))
            {
                var hire = Plan(company, OfferKind.OrdinaryJob, candidate with { PoolIndex = poolIndex }, bucket: null, reserve: false, start, planned.Workplace)!;
                Statistics.Conversions++;
                await WriteAsync(hire, candidate with { PoolIndex = poolIndex }, cancellationToken, mayConvert: false);
                return;
            }
        }

        pool.BusyUntil(poolIndex.Value, freeFrom);
    }

    /// <summary>The outcome at the end (most recorded by the consultant) and the register follow-ups due by the end of the history.</summary>
    private async Task<EndResult?> OutcomesAsync(Placement placement, TargetGroup group, EndResult? earlyResult, string consultant, CancellationToken cancellationToken)
    {
        if (placement.ActualEnd is not { } ended)
        {
            return null;
        }

        var until = options.Until;
        var result = earlyResult ?? OutcomeModel.Completed(placement.OfferKind, group, random);
        if (random.Chance(0.97))
        {
            var recordedAt = time.OfficeTime(Min(ended.AddDays(random.Between(0, 7)), until), random);
            await sink.AddAsync(NewOutcome(placement.Id, 0, result, null, recordedAt, consultant, "consultant"), cancellationToken);
        }

        var selfSupporting = random.Chance(OutcomeModel.SelfSupportingAfterOneMonth(result, group));
        foreach (var months in FollowUpMonths)
        {
            var due = OutcomeSchedule.DueOn(ended, months);
            if (due > until)
            {
                break;
            }

            if (months > FollowUpMonths[0])
            {
                selfSupporting = OutcomeModel.NextSelfSupporting(selfSupporting, group, random);
            }

            var recordedAt = time.OfficeTime(Min(due.AddDays(random.Between(3, 20)), until), random);
            await sink.AddAsync(NewOutcome(placement.Id, months, null, selfSupporting, recordedAt, consultant, ImportSource), cancellationToken);
        }

        return result;
    }

    private Outcome NewOutcome(Guid placementId, int monthsAfterEnd, EndResult? endResult, bool? selfSupporting, DateTimeOffset recordedAt, string recordedBy, string source)
    {
        var outcome = SeedRows.Blank<Outcome>();
        outcome.Id = random.NewId(recordedAt);
        outcome.PlacementId = placementId;
        outcome.MonthsAfterEnd = monthsAfterEnd;
        outcome.EndResult = endResult;
        outcome.SelfSupporting = selfSupporting;
        outcome.RecordedAt = recordedAt;
        outcome.RecordedBy = recordedBy;
        outcome.Source = source;
        return outcome;
    }

    /// <summary>Clarification for those far from the labour market, hiring when a vacancy was posted, else a mix.</summary>
    private InternshipPurpose Purpose(PooledCandidate candidate, Guid? vacancyId)
        => SyntheticDistributions.LabourMarketDistance(candidate.Group) < 0.75
            ? random.Chance(0.6) ? InternshipPurpose.Clarification : InternshipPurpose.UpSkilling
            : vacancyId is not null ? InternshipPurpose.Hiring
            : (InternshipPurpose)random.Weighted([40, 40, 20]);
}
