using System.Linq.Expressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>A candidate is in one placement at a time: a step that gives a placement (another) period checks it.</summary>
public static class CandidateOverlapCheck
{
    /// <summary>
    /// The placements that hold their candidate: proposed, approved or active. The one definition the overlap rule
    /// and matching's busy periods (<see cref="BusyPeriodsAsync"/>) share.
    /// </summary>
    public static readonly Expression<Func<Placement, bool>> HoldsCandidate =
        p => p.Status == PlacementStatus.Proposed || p.Status == PlacementStatus.Approved || p.Status == PlacementStatus.Active;

    /// <summary>Whether the placement holds its candidate (<see cref="HoldsCandidate"/>), for a placement in memory.</summary>
    public static bool Holds(Placement placement) => HoldsCompiled(placement);

    /// <summary>The days a holding placement holds its candidate: from its actual (else planned) start to its planned end.</summary>
    public static DatePeriod HeldPeriod(Placement placement) => new(placement.ActualStart ?? placement.PlannedStart, placement.PlannedEnd);

    /// <summary>
    /// Per candidate, the periods their holding placements hold them (<see cref="HoldsCandidate"/>, <see cref="HeldPeriod"/>),
    /// earliest first: what the overlap rule would refuse a new placement for. Candidates without any are left out.
    /// </summary>
    public static async Task<ILookup<Guid, DatePeriod>> BusyPeriodsAsync(this CrmDbContext db, IReadOnlyCollection<Guid> candidateIds, CancellationToken cancellationToken)
    {
        var rows = await db.Placements.AsNoTracking()
            .Where(p => candidateIds.Contains(p.CandidateId))
            .Where(HoldsCandidate)
            .Select(p => new { p.CandidateId, Start = p.ActualStart ?? p.PlannedStart, p.PlannedEnd })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Start).ToLookup(r => r.CandidateId, r => new DatePeriod(r.Start, r.PlannedEnd));
    }

    private static readonly Func<Placement, bool> HoldsCompiled = HoldsCandidate.Compile();

    /// <summary>
    /// Stamps the candidate's placements, then refuses when a live placement other than <paramref name="excludedPlacementId"/>
    /// overlaps <paramref name="period"/>. Stamped before the overlap is read: of two steps judged on the same
    /// placements only one commits.
    /// </summary>
    public static async Task<RefusalText> StampAndRefuseOverlapAsync(this CrmDbContext db, Guid candidateId, DatePeriod period, Guid? excludedPlacementId, string field, CancellationToken cancellationToken)
    {
        await db.StampAsync(RuleStampScopes.CandidatePlacements, candidateId, cancellationToken);
        return await db.RefuseOverlapAsync(candidateId, period, excludedPlacementId, field, cancellationToken);
    }

    /// <summary>
    /// The overlap check alone, without the stamp: for a preview that changes nothing. Says why the rule holds.
    /// </summary>
    public static async Task<RefusalText> RefuseOverlapAsync(this CrmDbContext db, Guid candidateId, DatePeriod period, Guid? excludedPlacementId, string field, CancellationToken cancellationToken)
    {
        var (first, last) = (period.Start, period.End);
        var overlapping = await db.Placements.AsNoTracking()
            .Where(HoldsCandidate)
            .Where(p => p.CandidateId == candidateId
                && p.Id != excludedPlacementId
                && (p.ActualStart ?? p.PlannedStart) <= last
                && p.PlannedEnd >= first)
            .Select(p => new { p.Status, p.OfferKind, Start = p.ActualStart ?? p.PlannedStart, p.PlannedEnd })
            .FirstOrDefaultAsync(cancellationToken);
        if (overlapping is not null)
        {
            throw new ConflictException(
                RefusalText.Of(
                    "Placements.Overlap",
                    ("kind", overlapping.OfferKind),
                    ("status", overlapping.Status),
                    ("start", overlapping.Start),
                    ("end", overlapping.PlannedEnd),
                    ("period", period.Text)),

                field);
        }

        return RefusalText.Of("Placements.Holds.NoOverlap", ("period", period.Text));
    }
}
