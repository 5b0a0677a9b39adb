using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Targets;

public enum TargetStatus
{
    /// <summary>The actual rate is at or above the target.</summary>
    Met,
    NotMet,

    /// <summary>Nothing to measure in the period (the rate's base is zero).</summary>
    NoData,

    /// <summary>Withheld: the counts are too small to show to this reader.</summary>
    Suppressed,
}

/// <summary>One target against the period's result in the target's slice.</summary>
public sealed record EffectTargetResult(EffectTargetView Target, int? Count, int? Base, double? ActualPercent, TargetStatus Status)
{
    public bool Suppressed => Status == TargetStatus.Suppressed;
}

/// <summary>Every target of <see cref="TargetYear"/> against a company's (or the alliance's) result for a period.</summary>
public sealed record EffectTargetResultsView(
    string Period,
    int TargetYear,
    Guid? CompanyId,
    string DefinitionVersion,
    int? SuppressionThreshold,
    IReadOnlyList<EffectTargetResult> Results);

/// <summary>
/// The evaluator: result against target, from the read model's cells (<see cref="YieldCellReader"/> with each
/// target's offer kind and target group) and the rates of <see cref="YieldFigures"/>.
/// Targets are set per calendar year; a period is judged against the targets of the year its last month falls
/// in (so a rolling "2025-07..2026-06" is read against 2026's ambition), over the whole period.
/// </summary>
public sealed class EffectTargetResults(CrmDbContext db, EffectTargetQueries targets, YieldCellReader cells, YieldOptions options)
{
    /// <summary>
    /// For one company (staff, or a company user for its own company, who sees small counts suppressed) or for
    /// the whole alliance (<paramref name="companyId"/> null; staff only). The period is read only once the actor
    /// may ask at all.
    /// </summary>
    public async Task<EffectTargetResultsView> ForAsync(Guid? companyId, string period, Actor actor, CancellationToken cancellationToken)
    {
        await AuthorizeAsync(companyId, actor, cancellationToken);
        return await EvaluateAsync(companyId, ReportPeriod.Parse(period), YieldSuppression.ThresholdFor(actor, options), cancellationToken);
    }

    /// <summary>No authorization: for reports that have checked their reader. A threshold suppresses small counts.</summary>
    public async Task<EffectTargetResultsView> EvaluateAsync(Guid? companyId, ReportPeriod period, int? suppressionThreshold, CancellationToken cancellationToken)
    {
        var year = TargetYearOf(period);
        var yearTargets = await targets.ForYearUncheckedAsync(year, cancellationToken);
        // Every target's slice in one read, however many targets there are.
        var slices = yearTargets.Select(t => (Kind: Slice.Of(t.OfferKind), Group: Slice.Of(t.TargetGroup))).Distinct().ToList();
        var totalsBySlice = slices.Count == 0 ? [] : await cells.SlicesAsync(companyId ?? YieldCell.AllianceId, period, slices, cancellationToken);
        var figures = slices.ToDictionary(s => s, s => new YieldFigures(totalsBySlice.GetValueOrDefault(s) ?? new YieldTotals(), options));

        var suppression = YieldSuppression.With(suppressionThreshold);
        var whole = await DiscloseWholeAsync(companyId, period, suppression, cancellationToken);
        var results = yearTargets
            .Select(t =>
            {
                var (kind, group) = (Slice.Of(t.OfferKind), Slice.Of(t.TargetGroup));
                var rate = figures[(kind, group)].RateOf(t.Measure);
                return whole is null ? Judge(t, rate, suppressionThreshold)
                    : Judge(t, rate, kind == YieldCell.All && group == YieldCell.All ? whole.RateOf(t.Measure) : Withheld);
            })
            .ToList();
        return new(period.Label, year, companyId, options.DefinitionLabel, suppressionThreshold, results);
    }

    private async Task AuthorizeAsync(Guid? companyId, Actor actor, CancellationToken cancellationToken)
    {
        if (companyId is not { } id)
        {
            actor.Require(Role.Admin, Role.Consultant, Role.Manager);
            return;
        }

        actor.RequireCompanyAccess(id);
        if (!await db.Companies.AnyAsync(c => c.Id == id, cancellationToken))
        {
            throw new NotFoundException("Company", id, "companyId");
        }
    }

    private static readonly ShownRate Withheld = new(null, null, null, true);

    /// <summary>
    /// A company user's view of its whole figures for the period, withheld as partnerYield withholds them; null for
    /// readers who see every count (and for the alliance). A target of one offer kind or target group is withheld
    /// from company users, like partnerYield's outcome figures for one kind or group.
    /// </summary>
    private async Task<YieldDisclosure?> DiscloseWholeAsync(Guid? companyId, ReportPeriod period, YieldSuppression suppression, CancellationToken cancellationToken)
    {
        if (companyId is not { } id || suppression == YieldSuppression.None)
        {
            return null;
        }

        var months = await cells.MonthsAsync(id, period, YieldCell.All, YieldCell.All, cancellationToken);
        var totals = new YieldTotals();
        foreach (var month in months.Values)
        {
            totals.Add(month);
        }

        return suppression.Disclose(new YieldFigures(totals, options), months.Values, YieldSlice.Whole);
    }

    public static int TargetYearOf(ReportPeriod period) => period.LastMonth.Year;

    public static EffectTargetResult Judge(EffectTargetView target, YieldRate rate, int? suppressionThreshold)
        => Judge(target, rate, YieldSuppression.With(suppressionThreshold).Rate(rate));

    /// <summary>A target against a rate, shown as <paramref name="shown"/> (its status withheld with its count).</summary>
    public static EffectTargetResult Judge(EffectTargetView target, YieldRate rate, ShownRate shown)
    {
        return new(target, shown.Count, shown.Base, shown.Rate is { } r ? Math.Round(r * 100, 2) : null, StatusOf(rate, target.TargetPercent, shown.Suppressed));
    }

    /// <summary>
    /// A target's status: <see cref="TargetStatus.Suppressed"/> when the reader may not see the counts, NoData when
    /// there is nothing to measure (base 0), else met or not met, judged exactly on the counts.
    /// </summary>
    public static TargetStatus StatusOf(YieldRate rate, decimal targetPercent, bool suppressed)
        => suppressed ? TargetStatus.Suppressed
            : rate.Base == 0 ? TargetStatus.NoData
            : IsMet(rate, targetPercent) ? TargetStatus.Met
            : TargetStatus.NotMet;

    /// <summary>Exact: count / base ≥ percent / 100, without floating-point rounding at the boundary.</summary>
    public static bool IsMet(YieldRate rate, decimal targetPercent) => rate.Count * 100m >= targetPercent * rate.Base;
}
