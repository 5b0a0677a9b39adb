using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// The history month by month: contact logs, vacancies nobody was placed in, and the placements with their
/// candidates, vacancies and outcomes. Rows go to the sink as they are made, so memory holds only the plans,
/// the candidate pool and one batch per table.
/// </summary>
public sealed partial class ActivityBuilder(
    SeedOptions options,
    ActivityCalendar calendar,
    SeedCalendar time,
    PlacementRulesOptions rules,
    IReadOnlyList<string> consultantIds,
    IReadOnlySet<string> companyCvrs,
    ISeedSink sink)
{
    private const int MaxCompanyAttempts = 16;
    private const double CandidateReuse = 0.55;
    private const double ConversionChance = 0.6;
    private const double CancelledBeforeStart = 0.025;
    private const double InternshipExtension = 0.005;

    private readonly SeedRandom random = new(options.Seed, 2);
    private readonly MaximumDurationRule durations = new(Microsoft.Extensions.Options.Options.Create(rules));
    private readonly CandidatePool pool = new();

    public SeedStatistics Statistics { get; } = new();

    /// <summary>Generates exactly <see cref="SeedOptions.Placements"/> placements (and everything around them).</summary>
    public async Task RunAsync(ISeedProgress progress, CancellationToken cancellationToken)
    {
        var targets = calendar.CumulativeTargets(options.Placements);
        var reported = 0;
        for (var b = 0; b < calendar.Buckets.Count; b++)
        {
            var bucket = calendar.Buckets[b];
            var placementsInBucket = targets[b] - (b == 0 ? 0 : targets[b - 1]);
            pool.ReleaseBefore(bucket.First);
            if (!bucket.IsPipeline)
            {
                await ContactLogsAsync(b, placementsInBucket, cancellationToken);
                await UnpairedVacanciesAsync(bucket, placementsInBucket, cancellationToken);
            }

            foreach (var (company, start) in Starts(bucket, targets[b] - Statistics.Placements))
            {
                if (Statistics.Placements >= targets[b])
                {
                    // Hires that followed earlier placements already took some of the month's share.
                    break;
                }

                await PlacementAsync(bucket, company, start, cancellationToken);
                if (Statistics.Placements - reported >= 256)
                {
                    progress.Advanced(Statistics.Placements - reported);
                    reported = Statistics.Placements;
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        progress.Advanced(Statistics.Placements - reported);
    }

    /// <summary>
    /// The month's placements as (company, start) in order of start: a place under the ratio rule is then taken
    /// and freed in the order of time, so one taken late in the month does not block an earlier start.
    /// </summary>
    private List<(CompanyPlan Company, DateOnly Start)> Starts(ActivityBucket bucket, int count)
    {
        var starts = new List<(CompanyPlan Company, DateOnly Start)>(Math.Max(0, count));
        for (var i = 0; i < count && bucket.Total > 0; i++)
        {
            var company = calendar.Company(random.FromCumulative(bucket.Cumulative));
            starts.Add((company, StartDay(company, bucket)));
        }

        // A stable sort: the same draws always come out in the same order.
        return starts.Select((s, i) => (s, i)).OrderBy(x => x.s.Start).ThenBy(x => x.i).Select(x => x.s).ToList();
    }

    private async Task PlacementAsync(ActivityBucket bucket, CompanyPlan company, DateOnly start, CancellationToken cancellationToken)
    {
        var kind = (OfferKind)random.FromCumulative(company.OfferKindCumulative);
        var group = (TargetGroup)random.Weighted(SyntheticDistributions.TargetGroupWeights(kind));
        var candidate = ChooseCandidate(group, kind, bucket);

        var planned = Plan(company, kind, candidate, bucket, reserve: true, start);
        for (var attempt = 1; attempt < MaxCompanyAttempts && planned is null; attempt++)
        {
            // The ratio rule, a missing representative or a shrinking workforce send the consultant to another
            // company, one with places under the ratio rule more likely, for the same start if it can.
            var other = calendar.Company(random.FromCumulative(kind.IsSubsidisedPlacement() && bucket.RoomCumulative[^1] > 0 ? bucket.RoomCumulative : bucket.Cumulative));
            planned = Plan(other, kind, candidate, bucket, reserve: true, other.IsActiveOn(start) ? start : null);
        }

        if (planned is null)
        {
            Statistics.KindFallbacks++;
            kind = group == TargetGroup.FlexJobSeeker ? OfferKind.FlexJob : OfferKind.OrdinaryJob;
            planned = Plan(company, kind, candidate, bucket, reserve: true, start)!;
        }

        await WriteAsync(planned, candidate, cancellationToken);
    }

    /// <summary>
    /// Dates, status and workplace for a placement at the company; null when the company cannot take it: an
    /// internship or wage subsidy needs an employee representative for the statement and a free place under the
    /// ratio rule, a wage subsidy a workplace that is not shrinking (additional employment).
    /// </summary>
    private PlannedPlacement? Plan(CompanyPlan company, OfferKind kind, CandidateChoice candidate, ActivityBucket? bucket, bool reserve, DateOnly? fixedStart = null, WorkplacePlan? fixedWorkplace = null)
    {
        var subsidised = kind.IsSubsidisedPlacement();
        if (subsidised && company.RepresentativeName is null)
        {
            return null;
        }

        var start = fixedStart ?? StartDay(company, bucket!);
        var plannedEnd = PlannedEnd(kind, candidate, company.Sector, start);
        var extended = kind == OfferKind.Internship && random.Chance(InternshipExtension);
        if (extended)
        {
            plannedEnd = plannedEnd.AddDays(14);
        }

        var until = options.Until;
        var created = Max(Min(start.AddDays(-random.Between(7, 35)), until), company.CreatedOn);
        PlacementStatus status;
        DateOnly? actualEnd = null;
        (string Reason, EndResult Result)? earlyEnd = null;
        if (start > until)
        {
            status = random.Chance(0.55) ? PlacementStatus.Approved : PlacementStatus.Proposed;
        }
        else if (random.Chance(CancelledBeforeStart))
        {
            status = PlacementStatus.EndedEarly;
            earlyEnd = (random.Pick(SyntheticVocabulary.CancelledReasons), EndResult.DroppedOut);
        }
        else if (random.Chance(OutcomeModel.EarlyEndChance(kind, candidate.Group)) && start.AddDays(random.Between(2, Math.Max(2, plannedEnd.DayNumber - start.DayNumber - 1))) is var brokenOff && brokenOff <= until)
        {
            status = PlacementStatus.EndedEarly;
            actualEnd = brokenOff;
            earlyEnd = OutcomeModel.EarlyEnd(candidate.Group, random);
        }
        else
        {
            status = plannedEnd <= until ? PlacementStatus.Completed : PlacementStatus.Active;
            actualEnd = status == PlacementStatus.Completed ? plannedEnd : null;
        }

        var started = status is PlacementStatus.Active or PlacementStatus.Completed || actualEnd is not null;
        var workplace = fixedWorkplace ?? PickWorkplace(company, kind);
        if (workplace is null)
        {
            return null;
        }

        // Places are taken from the start to the actual (or planned) end; resource-programme participants are not employed and take none.
        var takesPlace = subsidised && RatioRuleCheck.Counts(candidate.Group) && (started || status != PlacementStatus.EndedEarly);
        if (reserve && takesPlace && !TryReserve(company, workplace, kind, start, actualEnd ?? plannedEnd, out workplace))
        {
            return null;
        }

        return new PlannedPlacement(company, workplace, kind, start, plannedEnd, created, status, started ? start : null, actualEnd, earlyEnd, extended);
    }

    /// <summary>Reserves a place at the chosen workplace, else at any of the company's that may take the kind.</summary>
    private static bool TryReserve(CompanyPlan company, WorkplacePlan first, OfferKind kind, DateOnly start, DateOnly end, out WorkplacePlan chosen)
    {
        chosen = first;
        if (first.TryReserve(start, end))
        {
            return true;
        }

        foreach (var workplace in company.Workplaces)
        {
            if (workplace != first && !(kind == OfferKind.WageSubsidy && workplace.Shrinking) && workplace.TryReserve(start, end))
            {
                chosen = workplace;
                return true;
            }
        }

        return false;
    }

    /// <summary>A workplace by its share of the staff; a wage subsidy only where the headcount is not falling.</summary>
    private WorkplacePlan? PickWorkplace(CompanyPlan company, OfferKind kind)
    {
        var workplaces = company.Workplaces;
        if (workplaces.Length == 1)
        {
            return kind == OfferKind.WageSubsidy && workplaces[0].Shrinking ? null : workplaces[0];
        }

        Span<double> weights = stackalloc double[workplaces.Length];
        for (var i = 0; i < workplaces.Length; i++)
        {
            weights[i] = kind == OfferKind.WageSubsidy && workplaces[i].Shrinking ? 0 : workplaces[i].Employees;
        }

        var index = random.Weighted(weights);
        return weights[index] > 0 ? workplaces[index] : null;
    }

    private DateOnly StartDay(CompanyPlan company, ActivityBucket bucket)
    {
        var first = company.ActiveFrom is { } from && from > bucket.First ? from : bucket.First;
        var last = company.ActiveUntil is { } until && until < bucket.Last ? until : bucket.Last;
        var day = random.DayBetween(first, last);

        // Most placements start on a Monday.
        var monday = day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
        return random.Chance(0.75) && monday <= last ? monday : day;
    }

    /// <summary>Planned length by kind, within the maximum-duration rule for internships and wage subsidy.</summary>
    private DateOnly PlannedEnd(OfferKind kind, CandidateChoice candidate, Sector sector, DateOnly start)
    {
        switch (kind)
        {
            case OfferKind.Internship:
                var maxWeeks = durations.InternshipMaxWeeks(candidate.Group, candidate.HasWorkExperience);
                var weeks = random.Chance(0.7) ? maxWeeks : random.Between(Math.Max(2, maxWeeks / 2), maxWeeks);
                return start.AddDays((7 * weeks) - 1);
            case OfferKind.WageSubsidy:
                var maxMonths = rules.WageSubsidy.MaxMonths(sector);
                var months = random.Chance(0.65) ? maxMonths : random.Between(Math.Max(1, maxMonths - 3), maxMonths);
                return start.AddMonths(months).AddDays(-1);
            case OfferKind.AdultApprenticeship:
                return start.AddYears(random.Chance(0.7) ? 2 : 3).AddDays(-1);
            case OfferKind.FlexJob:
                return start.AddYears(random.Chance(0.6) ? 1 : 2).AddDays(-1);
            case OfferKind.Mentor:
                return start.AddMonths(random.Chance(0.5) ? 3 : 6).AddDays(-1);
            default:
                // An ordinary job is followed through its first six months.
                return start.AddMonths(6).AddDays(-1);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A placement's facts before its rows are made.</summary>
    private sealed record PlannedPlacement(
        CompanyPlan Company,
        WorkplacePlan Workplace,
        OfferKind Kind,
        DateOnly Start,
        DateOnly PlannedEnd,
        DateOnly Created,
        PlacementStatus Status,
        DateOnly? ActualStart,
        DateOnly? ActualEnd,
        (string Reason, EndResult Result)? EarlyEnd,
        bool Extended);
}

/// <summary>Counts of what the generator decided, for the summary and the tests.</summary>
public sealed class SeedStatistics
{
    public int Placements { get; set; }

    public int Candidates { get; set; }

    public int ReusedCandidates { get; set; }

    /// <summary>Internships and wage subsidies that became ordinary jobs at the same company.</summary>
    public int Conversions { get; set; }

    /// <summary>Placements that became an ordinary (or flex) job because no company could take the subsidised kind.</summary>
    public int KindFallbacks { get; set; }
}
