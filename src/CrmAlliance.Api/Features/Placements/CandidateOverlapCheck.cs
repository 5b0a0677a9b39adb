using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>A candidate is in one placement at a time: a step that gives a placement (another) period checks it.</summary>
internal static class CandidateOverlapCheck
{
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
            .Where(p => p.CandidateId == candidateId
                && p.Id != excludedPlacementId
                && (p.Status == PlacementStatus.Proposed || p.Status == PlacementStatus.Approved || p.Status == PlacementStatus.Active)
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
