using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Features.Companies.Import;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Csv;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Candidates.Import;

public sealed record ImportCandidatesInput(string Csv, bool? DryRun = null);

/// <summary>
/// One line of the report: what it did (or, when nothing was written, would have done), or why it was
/// rejected. <see cref="CandidateId"/> is the stored candidate's, or the new one's once committed.
/// </summary>
public sealed record CandidateImportLineReport(int Line, string? CaseReference, ImportLineStatus Status, Guid? CandidateId, IReadOnlyList<ImportLineError> Errors);

/// <summary>
/// The outcome of a candidate import. <see cref="Committed"/> is true only when every line was accepted
/// and written; the counts and statuses otherwise say what the file would do once its rejected lines are fixed.
/// </summary>
public sealed record CandidateImportReport(bool DryRun, bool Committed, string Separator, int LineCount, ImportCounts Candidates, IReadOnlyList<CandidateImportLineReport> Lines)
{
    public int RejectedLineCount => Lines.Count(l => l.Status == ImportLineStatus.Rejected);

    public IEnumerable<CandidateImportLineReport> LinesWith(IReadOnlyCollection<ImportLineStatus>? statuses)
        => statuses is null or { Count: 0 } ? Lines : Lines.Where(l => statuses.Contains(l.Status));
}

/// <summary>
/// A consultant loads the candidate pool from the case system's CSV export, so matching's index follows.
/// All or nothing: one rejected line and nothing is written. The candidates and their events are saved
/// in one transaction.
/// </summary>
public sealed class ImportCandidatesHandler(CrmDbContext db, ReferenceCatalog catalog, ICandidatePlacements placements, TimeProvider clock, AuditTrail audit)
{
    /// <summary>Refuses anyone but Consultants (the import page asks before showing its form).</summary>
    public static void RequireImporter(Actor actor) => actor.Require(Role.Consultant);

    public Task<CandidateImportReport> HandleAsync(ImportCandidatesInput input, Actor actor, CancellationToken cancellationToken)
        => HandleAsync(input, actor, null, cancellationToken);

    /// <param name="progress">Told how far the import has come, phase by phase (the web page shows it while it waits).</param>
    public async Task<CandidateImportReport> HandleAsync(ImportCandidatesInput input, Actor actor, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        RequireImporter(actor);
        var dryRun = input.DryRun ?? false;
        var file = new CandidateImportReader(catalog).Read(input.Csv, progress);

        // The case references of the accepted lines are distinct, so references looked up are lines checked.
        var checking = ImportPhaseProgress.Start(progress, ImportPhase.Checking, file.Lines.Count);
        var store = await CandidateImportStore.LoadAsync(db, file.Lines.Select(l => l.Checked.CaseReference), checking.Advance, cancellationToken);
        var now = clock.GetUtcNow();
        var plan = CandidateImportMerge.Plan(file, store, now);
        checking.Complete();
        var committed = !dryRun && file.Rejections.Count == 0 && plan.All(p => p.Status != ImportLineStatus.Rejected);
        if (committed)
        {
            // One step: the rows are written by one SaveChanges, which cannot tell how far it has come.
            var saving = ImportPhaseProgress.Start(progress, ImportPhase.Saving, plan.Count);
            await CandidateImportMerge.ApplyAsync(db, placements, file, plan, now, cancellationToken);

            // One audit entry for the import with its row count, in the same transaction, instead of one per candidate.
            db.ChangeTracker.DetectChanges();
            var written = db.ChangeTracker.Entries<Candidate>().Count(e => e.State is EntityState.Added or EntityState.Modified);
            using var bulk = audit.RecordBulk(actor, "Candidate import", written, nameof(Candidate));

            // One SaveChanges is one transaction: every candidate with its event, or nothing.
            await db.SaveOrConflictAsync(RefusalText.Of("Candidates.Import.RegisteredMeanwhile"), cancellationToken);
            saving.Complete();
        }
        else
        {
            db.ChangeTracker.Clear();
        }

        var lines = file.Rejections
            .Select(r => new CandidateImportLineReport(r.Line, r.CaseReference, ImportLineStatus.Rejected, null, r.Errors))
            .Concat(plan.Select(p => new CandidateImportLineReport(
                p.Line.Line,
                p.Line.Checked.CaseReference,
                p.Status,
                p.Status == ImportLineStatus.Created && !committed ? null : p.Candidate.Id,
                p.Error is null ? [] : [p.Error])))
            .OrderBy(l => l.Line)
            .ToList();
        var counts = new ImportCounts(
            lines.Count(l => l.Status == ImportLineStatus.Created),
            lines.Count(l => l.Status == ImportLineStatus.Updated),
            lines.Count(l => l.Status == ImportLineStatus.Unchanged));
        return new CandidateImportReport(dryRun, committed, file.Separator.ToString(), file.LineCount, counts, lines);
    }
}
