using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Data.Bulk;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection;

public sealed record YieldRebuildResult(int Companies, int Placements, int Vacancies, int Contacts, int Pledges, int Cells, DateOnly DaysBookedThrough);

/// <summary>
/// The original rebuild, kept for SQL Server (where <see cref="YieldRebuild"/> does not build aside yet) and as the
/// reference the aside rebuild is tested against. Recomputes the whole read model from the raw rows in one transaction: a cancelled or failed rebuild leaves
/// the previous read model as it was. Companies are processed in chunks, so memory grows only with the cells
/// kept to the end: the alliance's (summed across chunks) and the companies' quarter and year cells (about 25 per
/// company per year of history, written last in reading order). Facts and contributions come
/// from the same <see cref="YieldFactSource"/> and <see cref="YieldContributions"/> as the incremental projection.
/// Rows are written with the <see cref="BulkWriter"/> (prepared inserts, no change tracking): with EF's
/// SaveChanges the millions of cells of a large alliance took most of the rebuild's time and memory.
/// </summary>
public sealed class YieldInPlaceRebuild(CrmDbContext db, YieldFactSource source, YieldContributions contributions, YieldOptions options, TimeProvider clock)
{
    /// <summary>Companies per chunk: large enough for few queries, small enough for modest memory.</summary>
    public const int CompaniesPerChunk = 250;

    public async Task<YieldRebuildResult> RunAsync(DateOnly? bookThrough, TextWriter? progressOutput, CancellationToken cancellationToken)
    {
        var asOf = bookThrough ?? YieldClockDay.BookThrough(clock);
        var phases = new RebuildPhases();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The version goes on rising: a projection that read the old state cannot save over the rebuilt model,
        // and reports cached for an earlier version are not served again.
        var previousVersion = await db.YieldState.AsNoTracking().Select(s => (int?)s.Version).SingleOrDefaultAsync(cancellationToken) ?? 0;
        using (phases.Measure("clear"))
        {
            await ClearAsync(cancellationToken);
        }

        using var writer = new BulkWriter(db);
        var tables = new RebuildTables(writer);

        var companies = await source.CompaniesAsync(_ => true, cancellationToken);
        foreach (var company in companies)
        {
            await tables.Companies.AddAsync(company, cancellationToken);
        }

        var progress = progressOutput is null
            ? null
            : new TerminalProgress("placements", await db.Placements.CountAsync(p => p.ActualStart != null, cancellationToken), progressOutput);
        var alliance = new Dictionary<YieldCellKey, YieldTotals>();
        var result = new YieldRebuildResult(companies.Count, 0, 0, 0, 0, 0, asOf);
        foreach (var chunk in companies.Select(c => c.CompanyId).Chunk(CompaniesPerChunk))
        {
            var chunkResult = await RebuildChunkAsync(chunk, asOf, tables, alliance, phases, cancellationToken);
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

        // The companies' quarter and year cells last, in the order rankings and summaries read them, so that
        // a period's cells of every company lie together on disk (a year's ranking read 4× faster so on SQLite).
        var ordering = phases.Measure("write ordered quarter/year cells");
        foreach (var cell in tables.RolledUp.OrderBy(c => c.Grain).ThenBy(c => c.PeriodStart).ThenBy(c => c.OfferKind, StringComparer.Ordinal).ThenBy(c => c.TargetGroup, StringComparer.Ordinal).ThenBy(c => c.CompanyId))
        {
            await tables.Cells.AddAsync(cell, cancellationToken);
        }

        foreach (var (key, totals) in alliance)
        {
            await tables.Cells.AddAsync(ToCell(key, totals), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
        ordering.Dispose();
        var commit = phases.Measure("commit");
        db.YieldState.Add(new YieldState { DaysBookedThrough = asOf, ProjectionFingerprint = options.ProjectionFingerprint, RebuiltAt = clock.GetUtcNow(), Version = previousVersion + 1 });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await transaction.CommitAsync(cancellationToken);
        commit.Dispose();
        progress?.Complete();
        if (progressOutput is not null)
        {
            await progressOutput.WriteLineAsync(phases.Describe());
        }

        return result with { Cells = result.Cells + alliance.Count };
    }

    private async Task<YieldRebuildResult> RebuildChunkAsync(Guid[] companyIds, DateOnly asOf, RebuildTables tables, Dictionary<YieldCellKey, YieldTotals> alliance, RebuildPhases phases, CancellationToken cancellationToken)
    {
        var (placements, vacancies, contacts, pledges, deltas) = await YieldChunkFacts.ReadAsync(source, contributions, companyIds, asOf, phases, cancellationToken);
        var cells = deltas.Cells();
        using var writing = phases.Measure("write cells and facts");
        var companyCells = 0;
        foreach (var (key, totals) in cells)
        {
            if (key.CompanyId == YieldCell.AllianceId)
            {
                if (!alliance.TryGetValue(key, out var sum))
                {
                    alliance[key] = sum = new YieldTotals();
                }

                sum.Add(totals);
            }
            else if (key.Grain != YieldGrain.Month)
            {
                tables.RolledUp.Add(ToCell(key, totals));
                companyCells++;
            }
            else
            {
                await tables.Cells.AddAsync(ToCell(key, totals), cancellationToken);
                companyCells++;
            }
        }

        await AddAllAsync(tables.Placements, placements, cancellationToken);
        await AddAllAsync(tables.Vacancies, vacancies, cancellationToken);
        await AddAllAsync(tables.Contacts, contacts, cancellationToken);
        await AddAllAsync(tables.Pledges, pledges, cancellationToken);
        return new YieldRebuildResult(0, placements.Count, vacancies.Count, contacts.Count, pledges.Count, companyCells, asOf);
    }

    private static async Task AddAllAsync<T>(BulkTable table, List<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        foreach (var row in rows)
        {
            await table.AddAsync(row, cancellationToken);
        }
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
        await db.YieldChanges.ExecuteDeleteAsync(cancellationToken);
    }

    private static YieldCell ToCell(YieldCellKey key, YieldTotals totals)
    {
        var cell = YieldCellWriter.NewCell(key);
        cell.Add(totals);
        return cell;
    }

    /// <summary>The read model's tables, written in bulk.</summary>
    private sealed class RebuildTables(BulkWriter writer)
    {
        public BulkTable Companies { get; } = writer.Table<YieldCompany>();

        public BulkTable Cells { get; } = writer.Table<YieldCell>();

        public BulkTable Placements { get; } = writer.Table<YieldPlacementFact>();

        public BulkTable Vacancies { get; } = writer.Table<YieldVacancyFact>();

        public BulkTable Contacts { get; } = writer.Table<YieldContactFact>();

        public BulkTable Pledges { get; } = writer.Table<YieldPledgeFact>();

        /// <summary>The companies' quarter and year cells, written after the rest (a small share of all cells).</summary>
        public List<YieldCell> RolledUp { get; } = [];
    }
}
