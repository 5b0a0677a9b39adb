using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
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
/// One placement rule as a proposal meets it: <see cref="Holds"/> says why it holds, or <see cref="Refusal"/> is what
/// proposing would refuse with. <see cref="Rule"/> is the name refusals carry in <c>extensions.rule</c>.
/// </summary>
public sealed record ProposalCheck(string Rule, RefusalText? Holds, CrmException? Refusal)
{
    public bool Passed => Refusal is null;
}

/// <summary>
/// A consultant proposes a candidate for a placement at a company's workplace. Every rule that can be
/// judged from the proposal is enforced now: the candidate is still in the pool, purpose, last employer, flex-job eligibility, maximum
/// duration, that the candidate is not already placed in the period, and the ratio rule. <see cref="PreviewAsync"/> judges
/// the same rules without writing anything, so a consultant sees each of them before proposing.
/// </summary>
public sealed class ProposePlacementHandler(CrmDbContext db, MaximumDurationRule maximumDuration, RatioRuleCheck ratio, PlacementQueries queries, TimeProvider clock)
{
    /// <summary>What the rules are judged on: the rows the proposal names and the placement it would create.</summary>
    private sealed record Proposal(ProposePlacementInput Input, Candidate Candidate, Company Company, Workplace Workplace, Placement Placement, DatePeriod Period);

    public Task<PlacementView> HandleAsync(ProposePlacementInput input, Actor actor, CancellationToken cancellationToken)
        => db.RetryRacesAsync(() => HandleAsync(input, actor, alsoSave: null, cancellationToken));

    /// <param name="alsoSave">
    /// Stages a caller's own change on the same unit of work, so both are saved in one transaction (accepting a match).
    /// Not retried after a lost race (the caller's tracked change would be lost): that caller gets the CONFLICT.
    /// </param>
    public async Task<PlacementView> HandleAsync(ProposePlacementInput input, Actor actor, Action<Placement>? alsoSave, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        var proposal = await LoadAsync(input, actor, cancellationToken);
        await JudgeAsync(proposal, preview: false, cancellationToken);

        db.Placements.Add(proposal.Placement);
        alsoSave?.Invoke(proposal.Placement);
        await CandidateBusyEvents.EnqueueAsync(db, proposal.Placement, clock.GetUtcNow(), cancellationToken);
        await db.SaveOrConflictAsync(RefusalText.Of("Placements.NotSaved"), cancellationToken);
        return await queries.GetAsync(proposal.Placement.Id, actor, cancellationToken);
    }

    /// <summary>
    /// Every rule proposing would judge, in the same order, each with why it holds or what it refuses; nothing is written.
    /// Input that proposing refuses before any rule (dates, exemptions, a vacancy of another company) is refused here too.
    /// </summary>
    public async Task<IReadOnlyList<ProposalCheck>> PreviewAsync(ProposePlacementInput input, Actor actor, CancellationToken cancellationToken)
    {
        actor.Require(Role.Consultant);
        var proposal = await LoadAsync(input, actor, cancellationToken);
        return await JudgeAsync(proposal, preview: true, cancellationToken);
    }

    private async Task<Proposal> LoadAsync(ProposePlacementInput input, Actor actor, CancellationToken cancellationToken)
    {
        var exemptions = input.Exemptions ?? [];
        var v = new Validator().Check(input.PlannedEnd > input.PlannedStart, "plannedEnd", RefusalText.Of("Placements.EndBeforeStart"));
        for (var i = 0; i < exemptions.Count; i++)
        {
            var exemption = exemptions[i];
            v.Text(exemption.Reason, $"exemptions[{i}].reason", 1000)
                .Check(exemption.Rule.AppliesTo(input.OfferKind), $"exemptions[{i}].rule", RefusalText.Of("Placements.ExemptionNotForKind", ("rule", exemption.Rule), ("kind", input.OfferKind)))
                .Check(exemptions.Take(i).All(e => e.Rule != exemption.Rule), $"exemptions[{i}].rule", RefusalText.Of("Placements.ExemptionTwice", ("rule", exemption.Rule)));
        }

        v.ThrowIfInvalid();

        var candidate = await db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == input.CandidateId, cancellationToken)
            ?? throw new NotFoundException("Candidate", input.CandidateId, "input.candidateId");
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
        return new Proposal(input, candidate, company, workplace, placement, new DatePeriod(input.PlannedStart, input.PlannedEnd));
    }

    /// <summary>
    /// The rules in order. Proposing stops at the first refusal and stamps what the overlap check read (so two proposals
    /// judged on the same placements cannot both commit); the preview records each refusal and goes on, stamping nothing.
    /// </summary>
    private async Task<IReadOnlyList<ProposalCheck>> JudgeAsync(Proposal p, bool preview, CancellationToken cancellationToken)
    {
        var checks = new List<ProposalCheck>();

        async Task Judge(string rule, Func<Task<RefusalText>> judge)
        {
            try
            {
                checks.Add(new ProposalCheck(rule, await judge(), null));
            }
            catch (CrmException refused) when (preview && refused is RuleViolationException or ConflictException)
            {
                checks.Add(new ProposalCheck(rule, null, refused));
            }
        }

        Task Now(string rule, Func<RefusalText> judge) => Judge(rule, () => Task.FromResult(judge()));

        var (input, candidate, company) = (p.Input, p.Candidate, p.Company);
        await Now(CandidateActiveRule.Name, () =>
        {
            CandidateActiveRule.Enforce(candidate, CandidateActiveRule.Refused.Propose, "input.candidateId");
            return RefusalText.Of("Placements.Holds.CandidateActive");
        });
        await Now(PlacementRuleNames.InternshipPurpose, () => InternshipPurposeRule.Enforce(input.OfferKind, input.Purpose));
        await Now(PlacementRuleNames.LastEmployer, () => LastEmployerRule.Enforce(input.OfferKind, company.Cvr, candidate.LastEmployerCvr));
        await Now(PlacementRuleNames.FlexJobEligibility, () => FlexJobEligibilityRule.Enforce(input.OfferKind, candidate.TargetGroup));
        await Now(PlacementRuleNames.MaximumDuration, () => p.Placement.IsExemptFrom(PlacementRule.MaximumDuration)
            ? RefusalText.Of("Placements.Holds.Exempt", ("rule", PlacementRule.MaximumDuration))
            : maximumDuration.Enforce(input.OfferKind, candidate.TargetGroup, candidate.HasWorkExperience, company.Sector, p.Period));
        await Judge(PlacementRuleNames.CandidateOverlap, () => preview
            ? db.RefuseOverlapAsync(candidate.Id, p.Period, excludedPlacementId: null, "input.candidateId", cancellationToken)
            : db.StampAndRefuseOverlapAsync(candidate.Id, p.Period, excludedPlacementId: null, "input.candidateId", cancellationToken));
        await Judge(PlacementRuleNames.Ratio, () => ratio.EnforceAsync(p.Placement, p.Workplace, candidate, p.Period, cancellationToken));
        return checks;
    }
}
