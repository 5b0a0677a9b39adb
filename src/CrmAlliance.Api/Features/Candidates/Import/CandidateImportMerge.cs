using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Candidates.Import;

public enum ImportLineStatus
{
    Created,
    Updated,
    Unchanged,
    Rejected,
}

/// <summary>
/// What an accepted line does: create <see cref="Candidate"/> (a new, not yet added record), update or
/// leave the stored one, or be rejected after all (<see cref="Error"/>: it would change a withdrawn candidate).
/// </summary>
public sealed record PlannedLine(CandidateImportLine Line, ImportLineStatus Status, Candidate Candidate, ImportLineError? Error);

/// <summary>
/// Decides, then does, what each accepted line means for the pool: a known case reference updates its
/// candidate (if any value differs), a new one registers a candidate. Planning changes nothing, so a dry
/// run or a file with rejected lines can report what would happen; applying stages the rows and their
/// events for the handler's one SaveChanges.
/// </summary>
public static class CandidateImportMerge
{
    public static IReadOnlyList<PlannedLine> Plan(CandidateImportFile file, CandidateImportStore store, DateTimeOffset now)
    {
        var plan = new List<PlannedLine>(file.Lines.Count);
        foreach (var line in file.Lines)
        {
            if (store.Find(line.Checked.CaseReference) is not { } stored)
            {
                var candidate = new Candidate { CaseReference = "", DisplayAlias = "", Postcode = "", CreatedAt = now, UpdatedAt = now };
                CandidateValidation.Apply(candidate, line.Candidate, ValuesFor(file, line, stored: null));
                plan.Add(new PlannedLine(line, ImportLineStatus.Created, candidate, null));
            }
            else if (!Differs(stored, line.Candidate, ValuesFor(file, line, stored)))
            {
                plan.Add(new PlannedLine(line, ImportLineStatus.Unchanged, stored, null));
            }
            else if (CandidateActiveRule.WhyInactive(stored) is { } inactive)
            {
                var error = new ImportLineError(CandidateImportColumns.CaseReference, RefusalText.Of("Candidates.Import.Inactive", ("reason", inactive), ("rule", CandidateActiveRule.Name)));


                plan.Add(new PlannedLine(line, ImportLineStatus.Rejected, stored, error));
            }
            else
            {
                plan.Add(new PlannedLine(line, ImportLineStatus.Updated, stored, null));
            }
        }

        return plan;
    }

    /// <summary>Adds the new candidates, changes the updated ones, and queues each one's event with it.</summary>
    public static async Task ApplyAsync(CrmDbContext db, ICandidatePlacements placements, CandidateImportFile file, IReadOnlyList<PlannedLine> plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await CandidateAliases.AssignAsync(db, plan.Where(p => p.Status == ImportLineStatus.Created).Select(p => p.Candidate).ToList(), cancellationToken);
        var busy = await placements.BusyPeriodsAsync([.. plan.Where(p => p.Status == ImportLineStatus.Updated).Select(p => p.Candidate.Id)], cancellationToken);
        foreach (var (line, status, candidate, _) in plan)
        {
            if (status == ImportLineStatus.Created)
            {
                db.Candidates.Add(candidate);
                CandidateEvents.EnqueueRegistered(db, candidate);
            }
            else if (status == ImportLineStatus.Updated)
            {
                CandidateValidation.Apply(candidate, line.Candidate, ValuesFor(file, line, candidate));
                candidate.Version++;
                candidate.UpdatedAt = now;
                CandidateEvents.EnqueueChanged(db, candidate, busy[candidate.Id], candidate.UpdatedAt);
            }
        }
    }

    /// <summary>The line's checked values; what the file has no column for stays as stored.</summary>
    private static CheckedCandidateDetails ValuesFor(CandidateImportFile file, CandidateImportLine line, Candidate? stored)
        => stored is null ? line.Checked : line.Checked with
        {
            Skills = file.HasSkillsColumn ? line.Checked.Skills : [.. stored.Skills],
            LastEmployerCvr = file.HasLastEmployerCvrColumn ? line.Checked.LastEmployerCvr : stored.LastEmployerCvr,
        };

    private static bool Differs(Candidate stored, ImportedCandidate read, CheckedCandidateDetails values)
        => stored.CaseReference != values.CaseReference
            || stored.TargetGroup != read.TargetGroup
            || !stored.SoughtOccupations.SequenceEqual(values.SoughtOccupations, StringComparer.Ordinal)
            || !stored.Skills.SequenceEqual(values.Skills, StringComparer.Ordinal)
            || stored.EducationLevel != read.EducationLevel
            || stored.HasWorkExperience != read.HasWorkExperience
            || stored.Postcode != read.Postcode
            || stored.AvailableFrom != read.AvailableFrom
            || stored.LastEmployerCvr != values.LastEmployerCvr;
}
