using System.ComponentModel;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>The figures whose rows <c>yieldRows</c> lists: one per count of the read model (see YieldReadModel.md).</summary>
public enum YieldMeasure
{
    [Description("Vacancies first published in the period (vacancy rows, 1 each).")]
    VacanciesPosted,
    [Description("Positions of the vacancies first published in the period (vacancy rows; amount = positions).")]
    PositionsOffered,
    [Description("Placements that started in the period.")]
    PlacementsStarted,
    [Description("Placements started in the period of candidates far from the labour market (reach).")]
    FarFromMarketStarted,
    [Description("Placements running in the period; amount = their days inside it (running ones up to the read model's as-of day).")]
    PlacementDays,
    [Description("Placements that ended in the period.")]
    PlacementsEnded,
    [Description("Placements that ended early in the period.")]
    EndedEarly,
    [Description("Placements ended in the period with an end result recorded.")]
    EndResultsRecorded,
    [Description("Ended in the period in an ordinary job.")]
    EndedOrdinaryJob,
    [Description("Ended in the period in a flex job.")]
    EndedFlexJob,
    [Description("Ended in the period in education.")]
    EndedEducation,
    [Description("Ended in the period back on benefits.")]
    EndedBackOnBenefits,
    [Description("Ended in the period as dropped out.")]
    EndedDroppedOut,
    [Description("Ended in the period in ordinary work, a flex job or education (results).")]
    WorkOrEducation,
    [Description("Internships and wage-subsidy placements ended in the period with a result (conversion's base).")]
    ConversionEnded,
    [Description("Of those, ended in an ordinary job (converted).")]
    ConvertedToOrdinaryJob,
    [Description("Ended in the period with the 1-month follow-up recorded.")]
    FollowUp1Recorded,
    [Description("Ended in the period and self-supporting 1 month after.")]
    SelfSupporting1,
    [Description("Ended in the period with the 3-month follow-up recorded.")]
    FollowUp3Recorded,
    [Description("Ended in the period and self-supporting 3 months after.")]
    SelfSupporting3,
    [Description("Ended in the period with the 6-month follow-up recorded.")]
    FollowUp6Recorded,
    [Description("Ended in the period and self-supporting 6 months after.")]
    SelfSupporting6,
    [Description("Ended in the period with the 12-month follow-up recorded.")]
    FollowUp12Recorded,
    [Description("Ended in the period and self-supporting 12 months after.")]
    SelfSupporting12,
    [Description("Contacts logged in the period (effort).")]
    Contacts,
    [Description("Pledges overlapping the period; amount = their positions pro-rated to it (per offer kind with an offerKind slice).")]
    Pledged,
}

/// <summary>One row behind a figure; <see cref="Amount"/> is what it adds to the figure (1 for a count).</summary>
public abstract record YieldRow(Guid CompanyId, double Amount);

public sealed record YieldPlacementRow(YieldPlacementFact Fact, int DaysInPeriod, double Amount) : YieldRow(Fact.CompanyId, Amount);

public sealed record YieldVacancyRow(YieldVacancyFact Fact, double Amount) : YieldRow(Fact.CompanyId, Amount);

public sealed record YieldContactRow(YieldContactFact Fact) : YieldRow(Fact.CompanyId, 1);

public sealed record YieldPledgeRow(YieldPledgeFact Fact, double Amount) : YieldRow(Fact.CompanyId, Amount);

/// <summary>
/// The rows behind a rate: its base's rows (<see cref="Rows"/>, a page of them), those its count takes among
/// <see cref="Counted"/> (placement ids), and the rate itself, count of base, for the whole period.
/// </summary>
public sealed record YieldRateRows(YieldMeasure Base, YieldRate Rate, YieldPage<YieldRow> Rows, IReadOnlySet<Guid> Counted)
{
    /// <summary>Whether the rate's count takes the row.</summary>
    public bool Counts(YieldRow row) => row is YieldPlacementRow placement && Counted.Contains(placement.Fact.PlacementId);
}

/// <summary>
/// yieldRows (staff only: the rows describe citizens' placements): the read-model facts behind a measure, selected
/// by the same rules the projection counts them with (YieldContributions), so that for any company, period and
/// slice the rows add up to the figure.
/// </summary>
public sealed class YieldRowsQuery(CrmDbContext db, YieldOptions options)
{
    private readonly List<string> farFromMarket = options.FarFromMarketGroups.Select(g => g.ToString()).ToList();
    private readonly List<string> conversionKinds = options.ConversionKinds.Select(k => k.ToString()).ToList();

    public async Task<YieldPage<YieldRow>> ListAsync(Guid? companyId, string period, YieldMeasure measure, YieldSlice slice, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Admin, Role.Consultant, Role.Manager);
        var reportPeriod = ReportPeriod.Parse(period);
        page.Validate();
        if (companyId is { } id)
        {
            await db.FindYieldCompanyAsync(id, cancellationToken);
        }

        var rows = measure switch
        {
            YieldMeasure.VacanciesPosted or YieldMeasure.PositionsOffered => await VacanciesAsync(companyId, reportPeriod, measure, slice, page, cancellationToken),
            YieldMeasure.Contacts => await ContactsAsync(companyId, reportPeriod, slice, page, cancellationToken),
            YieldMeasure.Pledged => await PledgesAsync(companyId, reportPeriod, slice, page, cancellationToken),
            _ => await PlacementsAsync(companyId, reportPeriod, measure, slice, page, cancellationToken),
        };
        return new YieldPage<YieldRow>(rows, reportPeriod.Label, options.DefinitionLabel);
    }

    /// <summary>
    /// The rate whose count <paramref name="measure"/> is, by YieldFigures' definitions (reach, work or education,
    /// conversion, self-supporting after 1, 3, 6 and 12 months): its base; null for a measure that is no rate's count.
    /// Every row of the count is a row of its base.
    /// </summary>
    public static YieldMeasure? BaseOf(YieldMeasure measure) => measure switch
    {
        YieldMeasure.FarFromMarketStarted => YieldMeasure.PlacementsStarted,
        YieldMeasure.WorkOrEducation => YieldMeasure.EndResultsRecorded,
        YieldMeasure.ConvertedToOrdinaryJob => YieldMeasure.ConversionEnded,
        YieldMeasure.SelfSupporting1 => YieldMeasure.FollowUp1Recorded,
        YieldMeasure.SelfSupporting3 => YieldMeasure.FollowUp3Recorded,
        YieldMeasure.SelfSupporting6 => YieldMeasure.FollowUp6Recorded,
        YieldMeasure.SelfSupporting12 => YieldMeasure.FollowUp12Recorded,
        _ => null,
    };

    /// <summary>
    /// The rows behind a rate whose count is <paramref name="measure"/>: its base's rows, a page at a time, each marked
    /// whether the count takes it; the rate's count and base are the whole period's, so the marked rows of all pages
    /// add up to the count and all rows to the base.
    /// </summary>
    public async Task<YieldRateRows> ListRateAsync(Guid? companyId, string period, YieldMeasure measure, YieldSlice slice, PageRequest page, Actor actor, CancellationToken cancellationToken)
    {
        var baseMeasure = BaseOf(measure) ?? throw new ArgumentOutOfRangeException(nameof(measure), measure, "not a rate's count");
        var rows = await ListAsync(companyId, period, baseMeasure, slice, page, actor, cancellationToken);
        var reportPeriod = ReportPeriod.Parse(period);
        var asOf = await AsOfAsync(cancellationToken);
        var counted = Select(PlacementFacts(companyId, slice), measure, reportPeriod, asOf);
        var count = await counted.CountAsync(cancellationToken);
        var onPage = rows.Page.Items.OfType<YieldPlacementRow>().Select(r => r.Fact.PlacementId).ToList();
        var countedOnPage = await counted.Where(f => onPage.Contains(f.PlacementId)).Select(f => f.PlacementId).ToListAsync(cancellationToken);
        return new YieldRateRows(baseMeasure, new YieldRate(count, rows.Page.TotalCount), rows, countedOnPage.ToHashSet());
    }

    private async Task<DateOnly> AsOfAsync(CancellationToken cancellationToken)
        => await db.YieldState.AsNoTracking().Select(s => (DateOnly?)s.DaysBookedThrough).FirstOrDefaultAsync(cancellationToken) ?? DateOnly.MinValue;

    private IQueryable<YieldPlacementFact> PlacementFacts(Guid? companyId, YieldSlice slice)
    {
        var facts = db.YieldPlacementFacts.AsNoTracking();
        if (companyId is { } id)
        {
            facts = facts.Where(f => f.CompanyId == id);
        }

        if (slice.OfferKind is not null)
        {
            facts = facts.Where(f => f.OfferKind == slice.OfferKindKey);
        }

        if (slice.TargetGroup is not null)
        {
            facts = facts.Where(f => f.TargetGroup == slice.TargetGroupKey);
        }

        return facts;
    }

    /// <summary>The facts a placement measure counts, by the rules YieldContributions counts them with.</summary>
    private IQueryable<YieldPlacementFact> Select(IQueryable<YieldPlacementFact> facts, YieldMeasure measure, ReportPeriod period, DateOnly asOf)
    {
        var (start, end) = (period.Start, period.End);
        var started = facts.Where(f => f.StartedOn >= start && f.StartedOn <= end);
        var ended = facts.Where(f => f.EndedOn >= start && f.EndedOn <= end);
        var (ordinaryJob, flexJob, education) = (nameof(EndResult.OrdinaryJob), nameof(EndResult.FlexJob), nameof(EndResult.Education));
        return measure switch
        {
            YieldMeasure.PlacementsStarted => started,
            YieldMeasure.FarFromMarketStarted => started.Where(f => farFromMarket.Contains(f.TargetGroup)),
            YieldMeasure.PlacementDays => facts.Where(f => f.StartedOn <= end && (f.EndedOn ?? asOf) >= start && f.StartedOn <= (f.EndedOn ?? asOf)),
            YieldMeasure.PlacementsEnded => ended,
            YieldMeasure.EndedEarly => ended.Where(f => f.EndedEarly),
            YieldMeasure.EndResultsRecorded => ended.Where(f => f.EndResult != null),
            YieldMeasure.EndedOrdinaryJob => ended.Where(f => f.EndResult == ordinaryJob),
            YieldMeasure.EndedFlexJob => ended.Where(f => f.EndResult == flexJob),
            YieldMeasure.EndedEducation => ended.Where(f => f.EndResult == education),
            YieldMeasure.EndedBackOnBenefits => ended.Where(f => f.EndResult == nameof(EndResult.BackOnBenefits)),
            YieldMeasure.EndedDroppedOut => ended.Where(f => f.EndResult == nameof(EndResult.DroppedOut)),
            YieldMeasure.WorkOrEducation => ended.Where(f => f.EndResult == ordinaryJob || f.EndResult == flexJob || f.EndResult == education),
            YieldMeasure.ConversionEnded => ended.Where(f => f.EndResult != null && conversionKinds.Contains(f.OfferKind)),
            YieldMeasure.ConvertedToOrdinaryJob => ended.Where(f => f.EndResult == ordinaryJob && conversionKinds.Contains(f.OfferKind)),
            YieldMeasure.FollowUp1Recorded => ended.Where(f => f.SelfSupporting1 != null),
            YieldMeasure.SelfSupporting1 => ended.Where(f => f.SelfSupporting1 == true),
            YieldMeasure.FollowUp3Recorded => ended.Where(f => f.SelfSupporting3 != null),
            YieldMeasure.SelfSupporting3 => ended.Where(f => f.SelfSupporting3 == true),
            YieldMeasure.FollowUp6Recorded => ended.Where(f => f.SelfSupporting6 != null),
            YieldMeasure.SelfSupporting6 => ended.Where(f => f.SelfSupporting6 == true),
            YieldMeasure.FollowUp12Recorded => ended.Where(f => f.SelfSupporting12 != null),
            YieldMeasure.SelfSupporting12 => ended.Where(f => f.SelfSupporting12 == true),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "not a placement measure"),
        };
    }

    private async Task<Page<YieldRow>> PlacementsAsync(Guid? companyId, ReportPeriod period, YieldMeasure measure, YieldSlice slice, PageRequest page, CancellationToken cancellationToken)
    {
        var asOf = await AsOfAsync(cancellationToken);
        var (start, end) = (period.Start, period.End);
        var selected = Select(PlacementFacts(companyId, slice), measure, period, asOf);
        var byEnd = measure is not (YieldMeasure.PlacementsStarted or YieldMeasure.FarFromMarketStarted or YieldMeasure.PlacementDays);
        var sorted = byEnd ? selected.OrderBy(f => f.EndedOn).ThenBy(f => f.PlacementId) : selected.OrderBy(f => f.StartedOn).ThenBy(f => f.PlacementId);
        var found = await sorted.ToPageAsync(page, cancellationToken);
        return Map(found, f =>
        {
            var days = PlacementDays.InPeriod(f.StartedOn, f.EndedOn, start, end, asOf);
            return new YieldPlacementRow(f, days, measure == YieldMeasure.PlacementDays ? days : 1);
        });
    }

    private async Task<Page<YieldRow>> VacanciesAsync(Guid? companyId, ReportPeriod period, YieldMeasure measure, YieldSlice slice, PageRequest page, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var facts = db.YieldVacancyFacts.AsNoTracking().Where(f => f.PostedOn >= start && f.PostedOn <= end);
        if (companyId is { } id)
        {
            facts = facts.Where(f => f.CompanyId == id);
        }

        if (slice.OfferKind is not null)
        {
            facts = facts.Where(f => f.OfferKind == slice.OfferKindKey);
        }

        if (slice.TargetGroup is not null)
        {
            // Vacancies are for every target group: a group slice holds none.
            facts = facts.Where(f => false);
        }

        var rows = await facts.OrderBy(f => f.PostedOn).ThenBy(f => f.VacancyId).ToPageAsync(page, cancellationToken);
        return Map(rows, f => new YieldVacancyRow(f, measure == YieldMeasure.PositionsOffered ? f.Positions : 1));
    }

    private async Task<Page<YieldRow>> ContactsAsync(Guid? companyId, ReportPeriod period, YieldSlice slice, PageRequest page, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var facts = db.YieldContactFacts.AsNoTracking().Where(f => f.OccurredOn >= start && f.OccurredOn <= end);
        if (companyId is { } id)
        {
            facts = facts.Where(f => f.CompanyId == id);
        }

        if (slice.OfferKind is not null || slice.TargetGroup is not null)
        {
            // Contacts are with the company, not about one kind or group: a slice holds none.
            facts = facts.Where(f => false);
        }

        var rows = await facts.OrderBy(f => f.OccurredOn).ThenBy(f => f.ContactLogId).ToPageAsync(page, cancellationToken);
        return Map(rows, f => new YieldContactRow(f));
    }

    private async Task<Page<YieldRow>> PledgesAsync(Guid? companyId, ReportPeriod period, YieldSlice slice, PageRequest page, CancellationToken cancellationToken)
    {
        var (start, end) = (period.Start, period.End);
        var facts = db.YieldPledgeFacts.AsNoTracking().Where(f => f.PeriodStart <= end && f.PeriodEnd >= start);
        if (companyId is { } id)
        {
            facts = facts.Where(f => f.CompanyId == id);
        }

        facts = slice.OfferKind switch
        {
            _ when slice.TargetGroup is not null => facts.Where(f => false), // pledges are not per target group
            OfferKind.OrdinaryJob => facts.Where(f => f.OrdinaryJobs > 0),
            OfferKind.Internship => facts.Where(f => f.Internships > 0),
            OfferKind.WageSubsidy => facts.Where(f => f.WageSubsidyJobs > 0),
            OfferKind.AdultApprenticeship => facts.Where(f => f.AdultApprenticeships > 0),
            OfferKind.FlexJob => facts.Where(f => f.FlexJobs > 0),
            OfferKind.Mentor => facts.Where(f => f.Mentors > 0),
            _ => facts.Where(f => f.OrdinaryJobs + f.Internships + f.WageSubsidyJobs + f.AdultApprenticeships + f.FlexJobs + f.Mentors > 0),
        };

        var rows = await facts.OrderBy(f => f.PeriodStart).ThenBy(f => f.PledgeId).ToPageAsync(page, cancellationToken);
        return Map(rows, f => new YieldPledgeRow(f, PledgedInPeriod(f, period, slice)));
    }

    /// <summary>The pledge's positions pro-rated to the period exactly as the figure counts them (<see cref="YieldPledgeFact.PledgedIn"/>), to double precision.</summary>
    private static double PledgedInPeriod(YieldPledgeFact fact, ReportPeriod period, YieldSlice slice)
        => (double)fact.PledgedIn(period.Start, period.End, slice.OfferKind?.ToString() ?? YieldCell.All).Rounded(12);

    private static Page<YieldRow> Map<T>(Page<T> page, Func<T, YieldRow> map) => new(page.Items.Select(map).ToList(), page.TotalCount, page.Offset);
}
