using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Pledges;

public sealed record RecordPledgeInput(
    Guid CompanyId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int OrdinaryJobs = 0,
    int Internships = 0,
    int WageSubsidyJobs = 0,
    int AdultApprenticeships = 0,
    int FlexJobs = 0,
    int Mentors = 0,
    List<TargetGroup>? TargetGroups = null,
    string? Note = null) : IPledgeTerms;

/// <summary>A consultant or manager records what a company promises for a period (partnerskabsaftale).</summary>
public sealed class RecordPledgeHandler(CrmDbContext db, TimeProvider clock)
{
    /// <summary>Who may record a pledge: pages ask this before offering the form.</summary>
    public static void RequireRecorder(Actor actor) => actor.Require(Role.Consultant, Role.Manager);

    public Task<PledgeView> HandleAsync(RecordPledgeInput input, Actor actor, CancellationToken cancellationToken)
        => db.RetryRacesAsync(() => HandleOnceAsync(input, actor, cancellationToken));

    private async Task<PledgeView> HandleOnceAsync(RecordPledgeInput input, Actor actor, CancellationToken cancellationToken)
    {
        RequireRecorder(actor);
        if (!await db.Companies.AnyAsync(c => c.Id == input.CompanyId, cancellationToken))
        {
            throw new NotFoundException("Company", input.CompanyId, "input.companyId");
        }

        new Validator().CheckPledge(input).ThrowIfInvalid();
        await db.StampAsync(RuleStampScopes.CompanyPledges, input.CompanyId, cancellationToken);
        await db.RefuseOverlapAsync(input.CompanyId, input, null, cancellationToken);

        var pledge = new Pledge { CompanyId = input.CompanyId, RecordedAt = clock.GetUtcNow(), RecordedBy = actor.UserId };
        input.ApplyTo(pledge);
        db.Pledges.Add(pledge);
        // This save also stages PledgeChanged in the outbox, in the same transaction: Yield's SourceChangeEvents
        // interceptor does it for every write path, so the yield read model cannot miss one.
        await db.SaveOrConflictAsync(RefusalText.Of("Pledges.NotRecorded"), cancellationToken);
        return pledge.ToView();
    }
}
