using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Csv;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Companies.Import;

public sealed record ImportCompaniesInput(string Csv, bool? DryRun = null);

/// <summary>
/// The outcome of an import. <see cref="Committed"/> is true only when every line was accepted and the
/// rows were written; otherwise <see cref="Rejections"/> lists every problem and the counts are zero.
/// </summary>
public sealed record CompanyImportReport(
    bool DryRun,
    bool Committed,
    string Separator,
    int LineCount,
    ImportCounts Companies,
    ImportCounts Workplaces,
    ImportCounts Contacts,
    IReadOnlyList<ImportRejection> Rejections)
{
    public int RejectedLineCount => Rejections.Select(r => r.Line).Distinct().Count();
}

/// <summary>
/// A consultant loads companies, their workplaces and contact persons from a CSV file (the initial load
/// of the alliance's partners). All or nothing: one rejected line and nothing is written.
/// </summary>
public sealed class ImportCompaniesHandler(CrmDbContext db, ReferenceCatalog catalog, IConsultantDirectory consultants, TimeProvider clock, AuditTrail audit)
{
    /// <summary>Refuses anyone but Consultants (the import page asks before showing its form).</summary>
    public static void RequireImporter(Actor actor) => actor.Require(Role.Consultant);

    public Task<CompanyImportReport> HandleAsync(ImportCompaniesInput input, Actor actor, CancellationToken cancellationToken)
        => HandleAsync(input, actor, null, cancellationToken);

    /// <param name="progress">Told how far the import has come, phase by phase (the web page shows it while it waits).</param>
    public async Task<CompanyImportReport> HandleAsync(ImportCompaniesInput input, Actor actor, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        RequireImporter(actor);
        var dryRun = input.DryRun ?? false;
        var file = new CompanyImportReader(catalog).Read(input.Csv, progress);
        var checking = ImportPhaseProgress.Start(progress, ImportPhase.Checking, file.Lines.Count);
        var store = await CompanyImportStore.LoadAsync(db, consultants, file.Lines, checking.Advance, cancellationToken);
        var rejections = file.Rejections
            .Concat(CompanyImportConsistency.Check(file.Lines))
            .Concat(store.Check(file.Lines))
            .OrderBy(r => r.Line)
            .ToList();
        checking.Complete();
        if (rejections.Count > 0)
        {
            db.ChangeTracker.Clear();
            var none = new ImportCounts(0, 0, 0);
            return new CompanyImportReport(dryRun, false, file.Separator.ToString(), file.LineCount, none, none, none, rejections);
        }

        // A dry run merges too (the counts say what the file would do), but only an import saves.
        var saving = dryRun ? null : ImportPhaseProgress.Start(progress, ImportPhase.Saving, file.Lines.Count);
        var counts = CompanyImportMerge.Apply(db, store, file.Lines, clock.GetUtcNow());
        if (dryRun)
        {
            db.ChangeTracker.Clear();
        }
        else
        {
            // One SaveChanges is one transaction: the whole file is written, or nothing; so saving is one step, without steps between.
            // This save also stages CompanyChanged (one per company in the file) in the outbox, in the same transaction: Yield's SourceChangeEvents
            // interceptor does it for every write path, so the yield read model cannot miss one.
            // One audit entry for the import with its row count, instead of one per row.
            db.ChangeTracker.DetectChanges();
            var written = db.ChangeTracker.Entries().Count(e => e.Entity is Company or Workplace or CompanyContact && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
            using var bulk = audit.RecordBulk(actor, "Company import", written, nameof(Company), nameof(Workplace), nameof(CompanyContact));
            await db.SaveOrConflictAsync(RefusalText.Of("Companies.Import.RegisteredMeanwhile"), cancellationToken);
            saving?.Complete();
        }

        return new CompanyImportReport(dryRun, !dryRun, file.Separator.ToString(), file.LineCount, counts.Companies, counts.Workplaces, counts.Contacts, []);
    }
}
