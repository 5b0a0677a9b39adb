using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;

namespace CrmAlliance.Api.Features.Outcomes;

/// <summary>
/// What every outcome must satisfy, however it arrives (a consultant's <c>recordOutcome</c> or the
/// register import): the values that fit the observation point, an ended placement, and its event.
/// </summary>
public static class OutcomeRules
{
    public const string MonthsAfterEndField = "monthsAfterEnd";
    public const string EndResultField = "endResult";
    public const string SelfSupportingField = "selfSupporting";

    /// <summary>At the end (0) an end result and no self-supporting; at a follow-up (1, 3, 6, 12) the reverse.</summary>
    public static Validator CheckObservation(this Validator v, int monthsAfterEnd, EndResult? endResult, bool? selfSupporting)
    {
        var atEnd = monthsAfterEnd == 0;
        return v
            .Check(OutcomeSchedule.IsObservationPoint(monthsAfterEnd), MonthsAfterEndField, RefusalText.Of("Outcomes.NotAnObservationPoint", ("months", string.Join(", ", Outcome.FollowUpMonths))))
            .Check(!atEnd || endResult is not null, EndResultField, RefusalText.Of("Outcomes.EndResultRequired"))
            .Check(atEnd || endResult is null, EndResultField, RefusalText.Of("Outcomes.EndResultOnlyAtEnd"))
            .Check(atEnd || selfSupporting is not null, SelfSupportingField, RefusalText.Of("Outcomes.SelfSupportingRequired"))
            .Check(!atEnd || selfSupporting is null, SelfSupportingField, RefusalText.Of("Outcomes.SelfSupportingOnlyAtFollowUps"));
    }

    /// <summary>An outcome is recorded once the placement has ended; null when it has.</summary>
    public static RuleViolationException? NotEndedRefusal(PlacementStatus status)
        => status is PlacementStatus.Completed or PlacementStatus.EndedEarly
            ? null
            : new RuleViolationException(PlacementRuleNames.PlacementStatus, RefusalText.Of("Outcomes.NotEnded", ("status", status)));


    /// <summary>Queues <see cref="OutcomeRecorded"/> with the outcome's save: the yield read model is fed from it.</summary>
    public static void EnqueueRecorded(CrmDbContext db, Outcome outcome, Guid companyId)
        => db.Enqueue(
            outcome.PlacementId,
            new OutcomeRecorded(outcome.PlacementId, companyId, outcome.MonthsAfterEnd, outcome.EndResult?.ToString(), outcome.SelfSupporting, outcome.RecordedAt),
            outcome.RecordedAt);
}
