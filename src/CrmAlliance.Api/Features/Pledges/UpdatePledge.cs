using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Pledges;

public sealed record UpdatePledgeInput(
    Guid Id,
    int Version,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int OrdinaryJobs,
    int Internships,
    int WageSubsidyJobs,
    int AdultApprenticeships,
    int FlexJobs,
    int Mentors,
    List<TargetGroup>? TargetGroups,
    string? Note) : IPledgeTerms;

/// <summary>
/// A consultant or manager replaces a pledge's terms (the company stays). Who recorded it, and when,
/// is kept: it dates the agreement, not the correction. A stale <see cref="UpdatePledgeInput.Version"/> is refused.
/// </summary>
public sealed class UpdatePledgeHandler(CrmDbContext db)
{
    public Task<PledgeView> HandleAsync(UpdatePledgeInput input, Actor actor, CancellationToken cancellationToken)
        => db.RetryRacesAsync(() => HandleOnceAsync(input, actor, cancellationToken));

    private async Task<PledgeView> HandleOnceAsync(UpdatePledgeInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant, Role.Manager);
        var pledge = await db.Pledges.SingleOrDefaultAsync(p => p.Id == input.Id, cancellationToken)
            ?? throw new NotFoundException("Pledge", input.Id, "input.id");
        SaveChangesExtensions.CheckVersion(pledge.Version, input.Version);
        new Validator().CheckPledge(input).ThrowIfInvalid();
        await db.StampAsync(RuleStampScopes.CompanyPledges, pledge.CompanyId, cancellationToken);
        await db.RefuseOverlapAsync(pledge.CompanyId, input, pledge.Id, cancellationToken);

        input.ApplyTo(pledge);
        pledge.Version++;
        // This save also stages PledgeChanged in the outbox, in the same transaction: Yield's SourceChangeEvents
        // interceptor does it for every write path, so the yield read model cannot miss one.
        await db.SaveOrConflictAsync(RefusalText.Of("Pledges.NotSaved"), cancellationToken);
        return pledge.ToView();
    }
}
