using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Placements;

public sealed record RecordEmployeeRepStatementInput(Guid PlacementId, int Version, string RepresentativeName, DateOnly GivenOn, bool IsPositive, string? Comment);

/// <summary>
/// A consultant records the statement of the workplace's employee representative (or shop steward) on an
/// internship or wage subsidy: who, when, positive or not. Recording it again replaces it.
/// </summary>
public sealed class RecordEmployeeRepStatementHandler(CrmDbContext db, PlacementQueries queries, TimeProvider clock)
{
    public async Task<PlacementView> HandleAsync(RecordEmployeeRepStatementInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        new Validator()
            .Text(input.RepresentativeName, "representativeName")
            .Check(input.GivenOn <= clock.Today(), "givenOn", RefusalText.Of("Core.NotInFuture"))
            .OptionalText(input.Comment, "comment", 2000)
            .ThrowIfInvalid();
        var placement = await db.LoadPlacementForUpdateAsync(input.PlacementId, input.Version, "input.placementId", cancellationToken);
        if (!placement.OfferKind.IsSubsidisedPlacement())
        {
            throw new RuleViolationException(PlacementRuleNames.EmployeeRepStatement, RefusalText.Of("Placements.StatementOnlyForSubsidised", ("kind", placement.OfferKind)));

        }

        PlacementStateMachine.RequireStatus(placement, RefusalText.Of("Placements.Action.RecordStatement"), PlacementStatus.Proposed, PlacementStatus.Approved);

        placement.EmployeeRepStatement = new EmployeeRepStatement
        {
            RepresentativeName = input.RepresentativeName.Trim(),
            GivenOn = input.GivenOn,
            IsPositive = input.IsPositive,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            RecordedBy = actor.UserId,
        };
        placement.Version++;
        await db.SaveOrConflictAsync(RefusalText.Of("Placements.StatementNotSaved"), cancellationToken);
        return await queries.GetAsync(placement.Id, actor, cancellationToken);
    }
}
