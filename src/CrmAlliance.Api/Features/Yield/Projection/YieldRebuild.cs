using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection;

public sealed record YieldRebuildResult(int Companies, int Placements, int Vacancies, int Contacts, int Pledges, int Cells, DateOnly DaysBookedThrough);

/// <summary>
/// Recomputes the whole read model from the raw rows in one transaction: a cancelled or failed rebuild leaves
/// the previous read model as it was. Companies are processed in chunks so memory stays bounded whatever the
/// data size; the alliance's cells are summed across chunks and written last. Facts and contributions come
/// from the same <see cref="YieldFactSource"/> and <see cref="YieldContributions"/> as the incremental projection.
/// </summary>
public sealed class YieldRebuild(CrmDbContext db, YieldFactSource source, YieldContributions contributions, YieldOptions options, TimeProvider clock)
{
    /// <summary>Companies per chunk: large enough for few queries, small enough for modest memory.</summary>
    public const int CompaniesPerChunk = 250;

    public async Task<YieldRebuildResult> RunAsync(DateOnly? bookThrough, TextWriter? progressOutput, CancellationToken cancellationToken)
    {
        var asOf = bookThrough ?? YieldClockDay.BookThrough(clock);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ClearAsync(cancellationToken);

            var companies = await source.CompaniesAsync(_ => true, cancellationToken);
            db.YieldCompanies.AddRange(companies);
            await SaveAndClearAsync(cancellationToken);

            var totalPlacements = await db.Placements.CountAsync(p => p.ActualStart != null, cancellationToken);
            var progress = progressOutput is null ? null : new TerminalProgress("placements", totalPlacements, progressOutput);
            var alliance = new Dictionary<YieldCellKey, YieldTotals>();
            var result = new YieldRebuildResult(companies.Count, 0, 0, 0, 0, 0, asOf);
            foreach (var chunk in companies.Select(c => c.CompanyId).Chunk(CompaniesPerChunk))
            {
                var chunkResult = await RebuildChunkAsync(chunk, asOf, alliance, cancellationToken);
                result = result with
                {
                    Placements = result.Placements + chunkResult.Placements,
                    Vacancies = result.Vacancies + chunkResult.Vacancies,
                    Contacts = result.Contacts + chunkResult.Contacts,
                    Pledges = result.Pledges + chunkResult.Pledges,
                    Cells = result.Cells + chunkResult.Cells,
                };
                progress?.Advance(chunkResult.Placements);
            }

            db.YieldCells.AddRange(alliance.Select(c => ToCell(c.Key, c.Value)));
            db.YieldState.Add(new YieldState { DaysBookedThrough = asOf, ProjectionFingerprint = options.ProjectionFingerprint, RebuiltAt = clock.GetUtcNow() });
            await SaveAndClearAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Complete();
            return result with { Cells = result.Cells + alliance.Count };
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<YieldRebuildResult> RebuildChunkAsync(Guid[] companyIds, DateOnly asOf, Dictionary<YieldCellKey, YieldTotals> alliance, CancellationToken cancellationToken)
    {
        var placements = await source.PlacementsAsync(p => companyIds.Contains(p.CompanyId), cancellationToken);
        var vacancies = await source.VacanciesAsync(v => companyIds.Contains(v.CompanyId), cancellationToken);
        var contacts = await source.ContactsAsync(c => companyIds.Contains(c.CompanyId), cancellationToken);
        var pledges = await source.PledgesAsync(p => companyIds.Contains(p.CompanyId), cancellationToken);

        var deltas = new YieldDeltas();
        placements.ForEach(f => contributions.AddPlacement(deltas, f, asOf, +1));
        vacancies.ForEach(f => contributions.AddVacancy(deltas, f, +1));
        contacts.ForEach(f => YieldContributions.AddContact(deltas, f, +1));
        pledges.ForEach(f => YieldContributions.AddPledge(deltas, f, +1));

        var companyCells = 0;
        foreach (var (key, totals) in deltas.Cells())
        {
            if (key.CompanyId == YieldCell.AllianceId)
            {
                if (!alliance.TryGetValue(key, out var sum))
                {
                    alliance[key] = sum = new YieldTotals();
                }

                sum.Add(totals);
            }
            else
            {
                db.YieldCells.Add(ToCell(key, totals));
                companyCells++;
            }
        }

        db.YieldPlacementFacts.AddRange(placements);
        db.YieldVacancyFacts.AddRange(vacancies);
        db.YieldContactFacts.AddRange(contacts);
        db.YieldPledgeFacts.AddRange(pledges);
        await SaveAndClearAsync(cancellationToken);
        return new YieldRebuildResult(0, placements.Count, vacancies.Count, contacts.Count, pledges.Count, companyCells, asOf);
    }

    private async Task ClearAsync(CancellationToken cancellationToken)
    {
        await db.YieldCells.ExecuteDeleteAsync(cancellationToken);
        await db.YieldPlacementFacts.ExecuteDeleteAsync(cancellationToken);
        await db.YieldVacancyFacts.ExecuteDeleteAsync(cancellationToken);
        await db.YieldContactFacts.ExecuteDeleteAsync(cancellationToken);
        await db.YieldPledgeFacts.ExecuteDeleteAsync(cancellationToken);
        await db.YieldCompanies.ExecuteDeleteAsync(cancellationToken);
        await db.YieldState.ExecuteDeleteAsync(cancellationToken);
    }

    private async Task SaveAndClearAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static YieldCell ToCell(YieldCellKey key, YieldTotals totals)
    {
        var cell = YieldCellWriter.NewCell(key);
        cell.Add(totals);
        return cell;
    }
}
