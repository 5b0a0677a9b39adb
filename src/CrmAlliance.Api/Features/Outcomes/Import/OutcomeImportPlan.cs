using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates.Import;
using Col = CrmAlliance.Api.Features.Outcomes.Import.OutcomeImportColumns;

namespace CrmAlliance.Api.Features.Outcomes.Import;

/// <summary>
/// What an accepted line does: create an outcome, correct (<see cref="ImportLineStatus.Updated"/>) or leave
/// the stored one (<see cref="Stored"/>, untracked), or be rejected after all (<see cref="Errors"/>).
/// </summary>
public sealed record PlannedOutcome(ImportedOutcome Line, ImportLineStatus Status, PlacementFacts? Placement, Outcome? Stored, IReadOnlyList<ImportLineError> Errors);

/// <summary>
/// Checks each line against the database as <c>recordOutcome</c> checks a consultant's outcome (the same
/// rule code: an ended placement, a due follow-up) and that its case reference is the placement's
/// candidate's, then decides what it does. Planning changes nothing, so a dry run or a file with rejected
/// lines can report what would happen.
/// </summary>
public static class OutcomeImportPlan
{
    public static IReadOnlyList<PlannedOutcome> Plan(IReadOnlyList<ImportedOutcome> lines, OutcomeImportStore store, DateOnly today)
    {
        var plan = new List<PlannedOutcome>(lines.Count);
        foreach (var line in lines)
        {
            var placement = store.Placement(line.PlacementId);
            var errors = placement is null ? [new ImportLineError(Col.PlacementId, RefusalText.Of("Outcomes.Import.UnknownPlacement", ("id", line.PlacementId.ToString())))] : Check(line, placement, store, today);
            if (errors.Count > 0)
            {
                plan.Add(new PlannedOutcome(line, ImportLineStatus.Rejected, placement, null, errors));
                continue;
            }

            var stored = store.Outcome(line.PlacementId, line.MonthsAfterEnd);
            var status = stored is null ? ImportLineStatus.Created : Differs(stored, line) ? ImportLineStatus.Updated : ImportLineStatus.Unchanged;
            plan.Add(new PlannedOutcome(line, status, placement, stored, []));
        }

        return plan;
    }

    /// <summary>Sets what the line gives on the outcome; a blank observedOn leaves the stored date.</summary>
    public static void Apply(Outcome outcome, ImportedOutcome line)
    {
        outcome.EndResult = line.EndResult;
        outcome.SelfSupporting = line.SelfSupporting;
        outcome.ObservedOn = line.ObservedOn ?? outcome.ObservedOn;
    }

    private static List<ImportLineError> Check(ImportedOutcome line, PlacementFacts placement, OutcomeImportStore store, DateOnly today)
    {
        // A wrong pairing must never attach an outcome to another citizen: the reference must be the placement's candidate's.
        if (!OutcomeImportStore.SameReference(placement.CaseReference, line.CaseReference))
        {
            return store.IsKnownReference(line.CaseReference)
                ? [new ImportLineError(Col.PlacementId, RefusalText.Of("Outcomes.Import.OtherCandidate", ("id", line.PlacementId.ToString()), ("reference", line.CaseReference)))]
                : [new ImportLineError(Col.CaseReference, RefusalText.Of("Outcomes.Import.UnknownReference", ("reference", line.CaseReference)))];
        }

        if (OutcomeRules.NotEndedRefusal(placement.Status) is { } notEnded)
        {
            return [new ImportLineError(Col.PlacementId, RefusalText.Of("Import.RuleRefused", ("refusal", notEnded), ("rule", notEnded.Rule)))];
        }

        if (OutcomeSchedule.Refusal(placement.ActualEnd, line.MonthsAfterEnd, today) is { } notDue)
        {
            return [new ImportLineError(placement.ActualEnd is null ? Col.PlacementId : Col.MonthsAfterEnd, RefusalText.Of("Import.RuleRefused", ("refusal", notDue), ("rule", notDue.Rule)))];
        }

        var due = OutcomeSchedule.DueOn(placement.ActualEnd!.Value, line.MonthsAfterEnd);
        return line.ObservedOn is { } observed && observed < due
            ? [new ImportLineError(Col.ObservedOn, RefusalText.Of("Outcomes.Import.ObservedBeforeDue", ("observed", observed), ("moment", OutcomeSchedule.Moment(line.MonthsAfterEnd)), ("due", due)))]

            : [];
    }

    private static bool Differs(Outcome stored, ImportedOutcome line)
        => stored.EndResult != line.EndResult
            || stored.SelfSupporting != line.SelfSupporting
            || (line.ObservedOn is { } observed && stored.ObservedOn != observed);
}
