using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Features.Candidates.Import;
using CrmAlliance.Api.Features.Companies.Import;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Outcomes.Import;

/// <summary><see cref="FileName"/> names the import: it becomes each outcome's <c>Source</c>.</summary>
public sealed record ImportOutcomeFollowUpsInput(string Csv, string? FileName = null, bool? DryRun = null);

public enum OutcomeImportStage
{
    /// <summary>Lines checked against the database.</summary>
    Validating,

    /// <summary>Outcomes written (created or corrected), with their events.</summary>
    Writing,
}

/// <summary>How far an import has come: <see cref="Done"/> of <see cref="Total"/> in <see cref="Stage"/>.</summary>
public readonly record struct OutcomeImportProgress(OutcomeImportStage Stage, int Done, int Total);

/// <summary>One line of the report: what it did (or, when nothing was written, would have done), or why it was rejected.</summary>
public sealed record OutcomeImportLineReport(int Line, string? CaseReference, Guid? PlacementId, int? MonthsAfterEnd, ImportLineStatus Status, Guid? OutcomeId, IReadOnlyList<ImportLineError> Errors);

/// <summary>
/// The outcome of an import. <see cref="Committed"/> is true only when every line was accepted and written;
/// the counts and statuses otherwise say what the file would do once its rejected lines are fixed.
/// </summary>
public sealed record OutcomeImportReport(bool DryRun, bool Committed, string Source, string Separator, int LineCount, ImportCounts Outcomes, int EventsStaged, IReadOnlyList<OutcomeImportLineReport> Lines)
{
    public int RejectedLineCount => Lines.Count(l => l.Status == ImportLineStatus.Rejected);

    public IEnumerable<OutcomeImportLineReport> LinesWith(IReadOnlyCollection<ImportLineStatus>? statuses)
        => statuses is null or { Count: 0 } ? Lines : Lines.Where(l => statuses.Contains(l.Status));
}

/// <summary>
/// Staff import outcome follow-ups from the national registers. Every line is checked as
/// <c>recordOutcome</c> checks an outcome and must pair a placement with its own candidate. All or
/// nothing: one rejected line and nothing is written. An identical outcome is left alone (importing a
/// file twice changes nothing); a different value for a recorded point is a correction. Every new or
/// corrected outcome stages its <c>OutcomeRecorded</c> event in the same transaction.
/// </summary>
public sealed class ImportOutcomeFollowUpsHandler(CrmDbContext db, TimeProvider clock, AuditTrail audit)
{
    /// <summary>Outcomes per SaveChanges: keeps the change tracker small and lets a long import report progress.</summary>
    public const int WriteBatchSize = 1_000;

    public const int MaxSourceLength = 100;

    public Task<OutcomeImportReport> HandleAsync(ImportOutcomeFollowUpsInput input, Actor actor, CancellationToken cancellationToken)
        => HandleAsync(input, actor, null, cancellationToken);

    public async Task<OutcomeImportReport> HandleAsync(ImportOutcomeFollowUpsInput input, Actor actor, IProgress<OutcomeImportProgress>? progress, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant, Role.Manager, Role.Admin);
        var today = clock.Today();
        var source = SourceOf(input.FileName, today);
        var dryRun = input.DryRun ?? false;
        var file = OutcomeImportReader.Read(input.Csv, today);

        var checkedTotal = file.Lines.Count;
        progress?.Report(new(OutcomeImportStage.Validating, 0, checkedTotal));
        var store = await OutcomeImportStore.LoadAsync(db, file.Lines, done => progress?.Report(new(OutcomeImportStage.Validating, done, checkedTotal)), cancellationToken);
        var plan = OutcomeImportPlan.Plan(file.Lines, store, today);
        var committed = !dryRun && file.Rejections.Count == 0 && plan.All(p => p.Status != ImportLineStatus.Rejected);
        var written = plan.Where(p => p.Status is ImportLineStatus.Created or ImportLineStatus.Updated).ToList();
        var outcomeIds = committed ? await WriteAsync(written, source, actor, progress, cancellationToken) : [];

        var lines = file.Rejections
            .Select(r => new OutcomeImportLineReport(r.Line, r.CaseReference, r.PlacementId, r.MonthsAfterEnd, ImportLineStatus.Rejected, null, r.Errors))
            .Concat(plan.Select(p => new OutcomeImportLineReport(
                p.Line.Line,
                p.Line.CaseReference,
                p.Line.PlacementId,
                p.Line.MonthsAfterEnd,
                p.Status,
                p.Stored?.Id ?? (outcomeIds.TryGetValue(p.Line.Line, out var id) ? id : null),
                p.Errors)))
            .OrderBy(l => l.Line)
            .ToList();
        var counts = new ImportCounts(
            lines.Count(l => l.Status == ImportLineStatus.Created),
            lines.Count(l => l.Status == ImportLineStatus.Updated),
            lines.Count(l => l.Status == ImportLineStatus.Unchanged));
        return new OutcomeImportReport(dryRun, committed, source, file.Separator.ToString(), file.LineCount, counts, committed ? written.Count : 0, lines);
    }

    /// <summary>
    /// Writes in batches inside one transaction, so a long import reports progress yet commits all or
    /// nothing: a failure or a cancellation (Ctrl+C on the command line) rolls every batch back.
    /// </summary>
    /// <returns>The new outcomes' ids by line.</returns>
    private async Task<Dictionary<int, Guid>> WriteAsync(List<PlannedOutcome> written, string source, Actor actor, IProgress<OutcomeImportProgress>? progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var created = new Dictionary<int, Guid>();
        var done = 0;
        progress?.Report(new(OutcomeImportStage.Writing, 0, written.Count));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // One audit entry for the whole import (saved with the first batch, in the same transaction), none per outcome.
        using var bulk = audit.RecordBulk(actor, "Outcome follow-up import (" + source + ")", written.Count, nameof(Outcome));
        foreach (var batch in written.Chunk(WriteBatchSize))
        {
            foreach (var (line, status, placement, stored, _) in batch)
            {
                var outcome = stored ?? new Outcome { PlacementId = line.PlacementId, MonthsAfterEnd = line.MonthsAfterEnd, RecordedBy = "", Source = "" };
                if (status == ImportLineStatus.Created)
                {
                    db.Outcomes.Add(outcome);
                    created[line.Line] = outcome.Id;
                }
                else
                {
                    db.Outcomes.Attach(outcome);
                }

                OutcomeImportPlan.Apply(outcome, line);
                outcome.RecordedAt = now;
                outcome.RecordedBy = actor.UserId;
                outcome.Source = source;
                OutcomeRules.EnqueueRecorded(db, outcome, placement!.CompanyId);
            }

            await db.SaveOrConflictAsync(RefusalText.Of("Outcomes.Import.RecordedMeanwhile"), cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Report(new(OutcomeImportStage.Writing, done, written.Count));
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>The import's name, stored as each outcome's source so figures can be traced to their file.</summary>
    private static string SourceOf(string? fileName, DateOnly today)
    {
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        if (name.Length == 0)
        {
            return $"outcome import {today:yyyy-MM-dd}";
        }

        new Validator()
            .MaxLength(name, "fileName", MaxSourceLength)
            .Check(!string.Equals(name, RecordOutcomeHandler.ConsultantSource, StringComparison.OrdinalIgnoreCase), "fileName", RefusalText.Of("Outcomes.Import.ReservedName", ("name", RecordOutcomeHandler.ConsultantSource)))
            .Check(!CprNumbers.AppearIn(name), "fileName", RefusalText.Of("Outcomes.Import.CprLikeName"))

            .ThrowIfInvalid();
        return name;
    }
}
