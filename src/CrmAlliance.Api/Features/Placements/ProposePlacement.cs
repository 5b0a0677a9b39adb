using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Placements;

public sealed record RuleExemptionInput(PlacementRule Rule, string Reason);

public sealed record ProposePlacementInput(
    Guid CandidateId,
    Guid CompanyId,
    Guid WorkplaceId,
    Guid? VacancyId,
    OfferKind OfferKind,
    InternshipPurpose? Purpose,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    IReadOnlyList<RuleExemptionInput>? Exemptions = null);

/// <summary>
/// A consultant proposes a candidate for a placement at a company's workplace. Every rule that can be
/// judged from the proposal is enforced now: the candidate is still in the pool, purpose, last employer, flex-job eligibility, maximum
/// duration, the ratio rule, and that the candidate is not already placed in the period.
/// </summary>
public sealed class ProposePlacementHandler(CrmDbContext db, MaximumDurationRule maximumDuration, RatioRuleCheck ratio, PlacementQueries queries, TimeProvider clock)
{
    public Task<PlacementView> HandleAsync(ProposePlacementInput input, Actor actor, CancellationToken cancellationToken)
        => db.RetryRacesAsync(() => HandleAsync(input, actor, alsoSave: null, cancellationToken));

    /// <param name="alsoSave">
    /// Stages a caller's own change on the same unit of work, so both are saved in one transaction (accepting a match).
    /// Not retried after a lost race (the caller's tracked change would be lost): that caller gets the CONFLICT.
    /// </param>
    public async Task<PlacementView> HandleAsync(ProposePlacementInput input, Actor actor, Action<Placement>? alsoSave, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        var exemptions = input.Exemptions ?? [];
        var v = new Validator().Check(input.PlannedEnd > input.PlannedStart, "plannedEnd", RefusalText.Of("Placements.EndBeforeStart"));
        for (var i = 0; i < exemptions.Count; i++)
        {
            var exemption = exemptions[i];
            v.Required(exemption.Reason, $"exemptions[{i}].reason", 1000)
                .Check(exemption.Rule.AppliesTo(input.OfferKind), $"exemptions[{i}].rule", RefusalText.Of("Placements.ExemptionNotForKind", ("rule", exemption.Rule), ("kind", input.OfferKind)))
                .Check(exemptions.Take(i).All(e => e.Rule != exemption.Rule), $"exemptions[{i}].rule", RefusalText.Of("Placements.ExemptionTwice", ("rule", exemption.Rule)));
        }

        v.ThrowIfInvalid();

        var candidate = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == input.CandidateId, cancellationToken)
            ?? throw new NotFoundException("Candidate", input.CandidateId, "input.candidateId");
        CandidateActiveRule.Enforce(candidate, CandidateActiveRule.Refused.Propose, "input.candidateId");
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == input.CompanyId, cancellationToken)
            ?? throw new NotFoundException("Company", input.CompanyId, "input.companyId");
        var workplace = await db.Workplaces.AsNoTracking().SingleOrDefaultAsync(w => w.Id == input.WorkplaceId, cancellationToken)
            ?? throw new NotFoundException("Workplace", input.WorkplaceId, "input.workplaceId");
        var belongs = new Validator().Check(workplace.CompanyId == company.Id, "workplaceId", RefusalText.Of("Placements.WorkplaceOfOtherCompany", ("pNumber", workplace.PNumber), ("company", company.Name)));
        if (input.VacancyId is { } vacancyId)
        {
            var vacancy = await db.Vacancies.AsNoTracking().SingleOrDefaultAsync(x => x.Id == vacancyId, cancellationToken)
                ?? throw new NotFoundException("Vacancy", vacancyId, "input.vacancyId");
            belongs.Check(vacancy.CompanyId == company.Id, "vacancyId", RefusalText.Of("Placements.VacancyOfOtherCompany", ("company", company.Name)))
                .Check(vacancy.Status == VacancyStatus.Open, "vacancyId", RefusalText.Of("Placements.VacancyNotOpen", ("status", vacancy.Status), ("open", VacancyStatus.Open)))
                .Check(vacancy.OfferKind == input.OfferKind, "vacancyId", RefusalText.Of("Placements.VacancyOtherKind", ("vacancyKind", vacancy.OfferKind), ("kind", input.OfferKind)));

        }

        belongs.ThrowIfInvalid();

        var period = new DatePeriod(input.PlannedStart, input.PlannedEnd);
        InternshipPurposeRule.Enforce(input.OfferKind, input.Purpose);
        LastEmployerRule.Enforce(input.OfferKind, company.Cvr, candidate.LastEmployerCvr);
        FlexJobEligibilityRule.Enforce(input.OfferKind, candidate.TargetGroup);
        if (!exemptions.Any(e => e.Rule == PlacementRule.MaximumDuration))
        {
            maximumDuration.Enforce(input.OfferKind, candidate.TargetGroup, candidate.HasWorkExperience, company.Sector, period);
        }

        await db.StampAndRefuseOverlapAsync(candidate.Id, period, excludedPlacementId: null, "input.candidateId", cancellationToken);

        var now = clock.GetUtcNow();
        var placement = new Placement
        {
            CandidateId = candidate.Id,
            CompanyId = company.Id,
            WorkplaceId = workplace.Id,
            VacancyId = input.VacancyId,
            OfferKind = input.OfferKind,
            Purpose = input.Purpose,
            PlannedStart = input.PlannedStart,
            PlannedEnd = input.PlannedEnd,
            ProposedBy = actor.UserId,
            CreatedAt = now,
        };
        placement.Exemptions = exemptions
            .Select(e => new RuleExemption { PlacementId = placement.Id, Rule = e.Rule, Reason = e.Reason.Trim(), RecordedBy = actor.UserId, RecordedAt = now })
            .ToList();
        await ratio.EnforceAsync(placement, workplace, candidate, period, cancellationToken);

        db.Placements.Add(placement);
        alsoSave?.Invoke(placement);
        await db.SaveOrConflictAsync(RefusalText.Of("Placements.NotSaved"), cancellationToken);
        return await queries.GetAsync(placement.Id, actor, cancellationToken);
    }
}
