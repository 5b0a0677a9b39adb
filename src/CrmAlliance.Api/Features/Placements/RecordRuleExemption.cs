using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Placements;

public sealed record RecordRuleExemptionInput(Guid PlacementId, int Version, PlacementRule Rule, string Reason);

/// <summary>
/// A consultant exempts a placement from the ratio rule, the additional-employment rule or the maximum
/// duration, with a reason (e.g. "the workplace hires two people on 1 March"). Exemptions are never
/// removed: they are listed for management and the union side.
/// </summary>
public sealed class RecordRuleExemptionHandler(CrmDbContext db, PlacementQueries queries, TimeProvider clock)
{
    private static readonly PlacementStatus[] Statuses = [PlacementStatus.Proposed, PlacementStatus.Approved];

    /// <summary>An exemption is recorded while the placement is proposed or approved: before the steps that judge the rules.</summary>
    public static bool Allows(PlacementStatus status) => Statuses.Contains(status);

    public async Task<PlacementView> HandleAsync(RecordRuleExemptionInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        new Validator().Text(input.Reason, "reason", 1000).ThrowIfInvalid();
        var placement = await db.LoadPlacementForUpdateAsync(input.PlacementId, input.Version, "input.placementId", cancellationToken);
        new Validator().Check(input.Rule.AppliesTo(placement.OfferKind), "rule", RefusalText.Of("Placements.ExemptionNotForKind", ("rule", input.Rule), ("kind", placement.OfferKind))).ThrowIfInvalid();
        PlacementStateMachine.RequireStatus(placement, RefusalText.Of("Placements.Action.RecordExemption"), Statuses);
        if (placement.IsExemptFrom(input.Rule))
        {
            throw new ConflictException(RefusalText.Of("Placements.ExemptionExists", ("rule", input.Rule)), "input.rule");

        }

        db.RuleExemptions.Add(new RuleExemption
        {
            PlacementId = placement.Id,
            Rule = input.Rule,
            Reason = input.Reason.Trim(),
            RecordedBy = actor.UserId,
            RecordedAt = clock.GetUtcNow(),
        });
        placement.Version++;
        await db.SaveOrConflictAsync(RefusalText.Of("Placements.ExemptionNotSaved"), cancellationToken);
        return await queries.GetAsync(placement.Id, actor, cancellationToken);
    }
}
