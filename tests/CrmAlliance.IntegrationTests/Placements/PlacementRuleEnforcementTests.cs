using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Placements;

/// <summary>Every rule judged at the proposal refuses over HTTP with its name and numbers, and a refusal leaves the data as it was.</summary>
public sealed class PlacementRuleEnforcementTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private async Task<bool> HasPlacementAsync(TestCandidate candidate)
    {
        await using var db = factory.NewDbContext();
        return await db.Placements.AnyAsync(p => p.CandidateId == candidate.Id);
    }

    private static object Internship(TestCandidate candidate, TestWorkplace at, DateOnly start, DateOnly end, string? purpose = "HIRING", object[]? exemptions = null)
        => new { candidateId = candidate.GlobalId, companyId = at.CompanyId, workplaceId = at.WorkplaceId, offerKind = "INTERNSHIP", purpose, plannedStart = start.Iso(), plannedEnd = end.Iso(), exemptions };

    [Fact]
    public async Task The_ratio_rule_refuses_a_second_internship_at_a_workplace_of_9_with_the_numbers()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 9);
        await consultant.ApprovedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(10));
        var second = await factory.CreateCandidateAsync();

        var refused = await consultant.MutateAsync("proposePlacement", Internship(second, workplace, Today.AddDays(20), Today.AddDays(40)));

        refused.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("RatioRule", refused.Rule);
        Assert.StartsWith(
            $"the workplace has 1 of 1 allowed internship/wage-subsidy places for 9 ordinary employees. Workplace {workplace.PNumber}, at some time in",
            refused.Message,
            StringComparison.Ordinal);
        Assert.False(await HasPlacementAsync(second));
    }

    [Fact]
    public async Task The_ratio_rule_allows_a_placement_that_does_not_overlap_and_a_second_place_at_10_employees()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var small = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 9);
        var larger = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 10);
        await consultant.ApprovedInternshipAsync(await factory.CreateCandidateAsync(), small, Today.AddDays(10));
        await consultant.ApprovedInternshipAsync(await factory.CreateCandidateAsync(), larger, Today.AddDays(10));

        await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), small, Today.AddDays(38), Today.AddDays(60));
        await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), larger, Today.AddDays(20), Today.AddDays(40));
    }

    [Fact]
    public async Task A_resource_programme_participant_takes_no_place_and_is_never_refused_by_the_ratio_rule()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 4);
        await consultant.ApprovedInternshipAsync(await factory.CreateCandidateAsync(TargetGroup.ResourceProgramme), workplace, Today.AddDays(10));
        await consultant.ApprovedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(10));

        await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(TargetGroup.ResourceProgramme), workplace, Today.AddDays(12), Today.AddDays(30));
    }

    [Fact]
    public async Task A_ratio_rule_exemption_with_a_reason_lets_the_placement_through_and_is_listed_for_management()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var manager = (await factory.CreateUserAsync("MANAGER")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 9);
        await consultant.ApprovedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(10));
        var reason = "To nye ansatte starter 1. i måneden " + Guid.NewGuid().ToString("N")[..6];

        var proposed = await consultant.ProposeInternshipAsync(
            await factory.CreateCandidateAsync(), workplace, Today.AddDays(20), Today.AddDays(40), [new { rule = "RATIO_RULE", reason }]);
        var approved = await consultant.MutateOkAsync("approvePlacement", new { id = Id(proposed), version = 1 });
        var listed = await manager.QueryAsync(
            "query($from: DateOnly) { ruleExemptions(from: $from, first: 100) { edges { node { rule reason recordedBy { email } placement { id workplace { pNumber } } } } } }",
            new { from = Today.AddDays(-1).Iso() });

        Assert.Equal("APPROVED", Status(approved));
        Assert.Equal("RATIO_RULE", proposed["exemptions"]![0]!["rule"]!.GetValue<string>());
        var entry = Assert.Single(listed["ruleExemptions"]!["edges"]!.AsArray(), e => e!["node"]!["reason"]!.GetValue<string>() == reason)!["node"]!;
        Assert.Equal(Id(proposed), entry["placement"]!["id"]!.GetValue<string>());
        Assert.Equal(workplace.PNumber, entry["placement"]!["workplace"]!["pNumber"]!.GetValue<string>());
        Assert.StartsWith("consultant-", entry["recordedBy"]!["email"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_judges_the_ratio_rule_again_and_an_exemption_recorded_later_lets_it_through()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 9);
        var first = await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(10), Today.AddDays(30));
        var second = await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(10), Today.AddDays(30));
        await consultant.MutateOkAsync("approvePlacement", new { id = Id(first), version = 1 });

        var refused = await consultant.MutateAsync("approvePlacement", new { id = Id(second), version = 1 });

        refused.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("RatioRule", refused.Rule);
        var unchanged = await factory.StoredPlacementAsync(Id(second));
        Assert.Equal(PlacementStatus.Proposed, unchanged.Status);
        Assert.Equal(1, unchanged.Version);

        var exempted = await consultant.MutateOkAsync("recordRuleExemption", new { placementId = Id(second), version = 1, rule = "RATIO_RULE", reason = "Praktikken erstatter en fratrådt praktikant." });
        var approved = await consultant.MutateOkAsync("approvePlacement", new { id = Id(exempted), version = Version(exempted) });
        Assert.Equal("APPROVED", Status(approved));
    }

    [Fact]
    public async Task The_maximum_duration_refuses_a_29_day_internship_for_the_insured_unemployed_unless_exempted()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var candidate = await factory.CreateCandidateAsync(TargetGroup.InsuredUnemployed);
        var start = Today.AddDays(10);

        var refused = await consultant.MutateAsync("proposePlacement", Internship(candidate, workplace, start, start.AddDays(28)));

        refused.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("MaximumDuration", refused.Rule);
        Assert.Contains($"at most 4 weeks: starting {start.Iso()} it must end by {start.AddDays(27).Iso()}", refused.Message, StringComparison.Ordinal);
        Assert.False(await HasPlacementAsync(candidate));

        var exempted = await consultant.ProposeInternshipAsync(candidate, workplace, start, start.AddDays(28), [new { rule = "MAXIMUM_DURATION", reason = "Forlænget: afklaring kræver en uge mere." }]);
        Assert.Equal("PROPOSED", Status(exempted));
    }

    [Fact]
    public async Task A_candidate_without_work_experience_may_have_a_13_week_internship()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var start = Today.AddDays(10);

        await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(TargetGroup.InsuredUnemployed, hasWorkExperience: false), workplace, start, start.AddDays(90));
        var refused = await consultant.MutateAsync("proposePlacement", Internship(await factory.CreateCandidateAsync(TargetGroup.InsuredUnemployed, hasWorkExperience: false), workplace, start, start.AddDays(91)));

        Assert.Equal("MaximumDuration", refused.ShouldFailWith("RULE_VIOLATION").Rule);
    }

    [Fact]
    public async Task A_wage_subsidy_at_a_public_employer_is_refused_beyond_4_months()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20, sector: "PUBLIC");
        var candidate = await factory.CreateCandidateAsync();
        var start = Today.AddDays(10);

        var refused = await consultant.MutateAsync("proposePlacement", new
        {
            candidateId = candidate.GlobalId,
            companyId = workplace.CompanyId,
            workplaceId = workplace.WorkplaceId,
            offerKind = "WAGE_SUBSIDY",
            plannedStart = start.Iso(),
            plannedEnd = start.AddMonths(4).Iso(),
        });

        refused.ShouldFailWith("RULE_VIOLATION");
        Assert.Contains("a wage subsidy at a public employer may last at most 4 months", refused.Message, StringComparison.Ordinal);
        Assert.False(await HasPlacementAsync(candidate));
    }

    [Fact]
    public async Task An_internship_needs_a_purpose_and_no_other_kind_may_have_one()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var candidate = await factory.CreateCandidateAsync();

        var noPurpose = await consultant.MutateAsync("proposePlacement", Internship(candidate, workplace, Today.AddDays(5), Today.AddDays(20), purpose: null));
        var purposeOnJob = await consultant.MutateAsync("proposePlacement", new
        {
            candidateId = candidate.GlobalId,
            companyId = workplace.CompanyId,
            workplaceId = workplace.WorkplaceId,
            offerKind = "ORDINARY_JOB",
            purpose = "HIRING",
            plannedStart = Today.AddDays(5).Iso(),
            plannedEnd = Today.AddDays(400).Iso(),
        });

        Assert.Equal("InternshipPurpose", noPurpose.ShouldFailWith("RULE_VIOLATION").Rule);
        Assert.Equal(["input.purpose"], noPurpose.Fields);
        Assert.Equal("InternshipPurpose", purposeOnJob.ShouldFailWith("RULE_VIOLATION").Rule);
        Assert.False(await HasPlacementAsync(candidate));
    }

    [Fact]
    public async Task No_internship_at_the_candidates_last_employer()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var candidate = await factory.CreateCandidateAsync(lastEmployerCvr: workplace.Cvr);

        var refused = await consultant.MutateAsync("proposePlacement", Internship(candidate, workplace, Today.AddDays(5), Today.AddDays(20)));

        Assert.Equal("LastEmployer", refused.ShouldFailWith("RULE_VIOLATION").Rule);
        Assert.Contains($"CVR {workplace.Cvr}", refused.Message, StringComparison.Ordinal);
        Assert.False(await HasPlacementAsync(candidate));
    }

    [Fact]
    public async Task A_flex_job_is_refused_for_a_candidate_who_is_not_a_flex_job_seeker()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var candidate = await factory.CreateCandidateAsync(TargetGroup.SicknessBenefit);
        object FlexJob(TestCandidate c) => new
        {
            candidateId = c.GlobalId,
            companyId = workplace.CompanyId,
            workplaceId = workplace.WorkplaceId,
            offerKind = "FLEX_JOB",
            plannedStart = Today.AddDays(5).Iso(),
            plannedEnd = Today.AddYears(1).Iso(),
        };

        var refused = await consultant.MutateAsync("proposePlacement", FlexJob(candidate));
        await consultant.MutateOkAsync("proposePlacement", FlexJob(await factory.CreateCandidateAsync(TargetGroup.FlexJobSeeker)));

        Assert.Equal("FlexJobEligibility", refused.ShouldFailWith("RULE_VIOLATION").Rule);
        // The English text, with the target groups by their names rather than the code's (FlexJobSeeker, SicknessBenefit).
        Assert.Equal("a flex job is only for candidates in the target group flex-job seekers; this candidate is in sickness benefit.", refused.Message);
        Assert.Equal(["input.offerKind"], refused.Fields);
        Assert.False(await HasPlacementAsync(candidate));

    }

    [Fact]
    public async Task A_candidate_already_placed_in_the_period_is_a_conflict()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var other = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var candidate = await factory.CreateCandidateAsync();
        await consultant.ProposeInternshipAsync(candidate, workplace, Today.AddDays(5), Today.AddDays(20));

        var refused = await consultant.MutateAsync("proposePlacement", Internship(candidate, other, Today.AddDays(20), Today.AddDays(30)));

        refused.ShouldFailWith("CONFLICT");
        await using var db = factory.NewDbContext();
        Assert.Equal(1, await db.Placements.CountAsync(p => p.CandidateId == candidate.Id));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var candidate = await factory.CreateCandidateAsync();

        var backwards = await consultant.MutateAsync("proposePlacement", Internship(candidate, workplace, Today.AddDays(20), Today.AddDays(20), exemptions: [new { rule = "ADDITIONAL_EMPLOYMENT", reason = " " }]));
        var unknownCandidate = await consultant.MutateAsync("proposePlacement", Internship(candidate with { GlobalId = Api.Infrastructure.GraphQL.GlobalId.Encode("Candidate", Guid.NewGuid()) }, workplace, Today, Today.AddDays(5)));
        var notACandidateId = await consultant.MutateAsync("proposePlacement", Internship(candidate with { GlobalId = workplace.CompanyId }, workplace, Today, Today.AddDays(5)));

        backwards.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.plannedEnd", "input.exemptions[0].reason", "input.exemptions[0].rule"], backwards.Fields);
        unknownCandidate.ShouldFailWith("NOT_FOUND");
        Assert.Equal(["input.candidateId"], unknownCandidate.Fields);
        notACandidateId.ShouldFailWith("VALIDATION");
        Assert.False(await HasPlacementAsync(candidate));
    }

    [Fact]
    public async Task A_workplace_or_vacancy_of_another_company_and_a_closed_vacancy_of_another_kind_are_refused()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var elsewhere = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var candidate = await factory.CreateCandidateAsync();
        var closedJob = await VacancyAsync(workplace, OfferKind.OrdinaryJob, Api.Features.Vacancies.VacancyStatus.Closed);
        var open = await VacancyAsync(workplace, OfferKind.Internship, Api.Features.Vacancies.VacancyStatus.Open);

        var wrongWorkplace = await consultant.MutateAsync("proposePlacement", Internship(candidate, workplace with { WorkplaceId = elsewhere.WorkplaceId }, Today.AddDays(5), Today.AddDays(20)));
        var wrongVacancy = await consultant.MutateAsync("proposePlacement", new
        {
            candidateId = candidate.GlobalId,
            companyId = workplace.CompanyId,
            workplaceId = workplace.WorkplaceId,
            vacancyId = closedJob,
            offerKind = "INTERNSHIP",
            purpose = "UP_SKILLING",
            plannedStart = Today.AddDays(5).Iso(),
            plannedEnd = Today.AddDays(20).Iso(),
        });

        wrongWorkplace.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.workplaceId"], wrongWorkplace.Fields);
        wrongVacancy.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.vacancyId", "input.vacancyId"], wrongVacancy.Fields);
        Assert.False(await HasPlacementAsync(candidate));

        var filled = await consultant.MutateOkAsync(
            "proposePlacement",
            new
            {
                candidateId = candidate.GlobalId,
                companyId = workplace.CompanyId,
                workplaceId = workplace.WorkplaceId,
                vacancyId = open,
                offerKind = "INTERNSHIP",
                purpose = "UP_SKILLING",
                plannedStart = Today.AddDays(5).Iso(),
                plannedEnd = Today.AddDays(20).Iso(),
            },
            "vacancyId vacancy { title } purpose");
        Assert.Equal(open, filled["vacancyId"]!.GetValue<string>());
        Assert.Equal("Praktikant på lageret", filled["vacancy"]!["title"]!.GetValue<string>());
    }

    private async Task<string> VacancyAsync(TestWorkplace workplace, OfferKind kind, Api.Features.Vacancies.VacancyStatus status)
    {
        var vacancy = new Api.Features.Vacancies.Vacancy
        {
            CompanyId = Key(workplace.CompanyId),
            WorkplaceId = Key(workplace.WorkplaceId),
            OfferKind = kind,
            OccupationCode = "9333",
            Title = "Praktikant på lageret",
            Status = status,
            StartDate = Today,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = factory.NewDbContext();
        db.Vacancies.Add(vacancy);
        await db.SaveChangesAsync();
        return Api.Infrastructure.GraphQL.GlobalId.Encode("Vacancy", vacancy.Id);
    }
}
