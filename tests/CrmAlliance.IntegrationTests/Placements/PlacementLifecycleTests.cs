using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Placements;

public sealed class PlacementLifecycleTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task An_internship_goes_from_proposal_through_statement_approval_start_and_end_to_its_outcome()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 12, averageEmployees12Months: 11);
        var candidate = await factory.CreateCandidateAsync(TargetGroup.InsuredUnemployed);
        var start = Today.AddDays(-27);

        var proposed = await consultant.ProposeInternshipAsync(candidate, workplace, start, Today);
        var stated = await consultant.RecordStatementAsync(proposed, start.AddDays(-5));
        var approved = await consultant.MutateOkAsync("approvePlacement", new { id = Id(stated), version = Version(stated) });
        var active = await consultant.MutateOkAsync("startPlacement", new { id = Id(approved), version = Version(approved), actualStart = start.Iso() });
        var ended = await consultant.MutateOkAsync("endPlacement", new { id = Id(active), version = Version(active), actualEnd = Today.Iso() });
        var outcome = await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 0, endResult = "ORDINARY_JOB" }, OutcomeFields);

        Assert.Equal(["PROPOSED", "PROPOSED", "APPROVED", "ACTIVE", "COMPLETED"], new[] { proposed, stated, approved, active, ended }.Select(Status));
        Assert.Equal([1, 2, 3, 4, 5], new[] { proposed, stated, approved, active, ended }.Select(Version));
        Assert.Equal(candidate.GlobalId, proposed["candidateId"]!.GetValue<string>());
        Assert.Equal(candidate.Alias, proposed["candidateAlias"]!.GetValue<string>());
        Assert.Equal("INSURED_UNEMPLOYED", proposed["candidateTargetGroup"]!.GetValue<string>());
        Assert.Equal(["APPROVED", "ENDED_EARLY"], proposed["nextStatuses"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("Hanne Nielsen, tillidsrepræsentant", stated["employeeRepStatement"]!["representativeName"]!.GetValue<string>());
        Assert.Equal("ORDINARY_JOB", outcome["endResult"]!.GetValue<string>());
        Assert.Equal("consultant", outcome["source"]!.GetValue<string>());

        var read = await consultant.QueryAsync(
            "query($id: ID!) { placement(id: $id) { status actualStart actualEnd company { cvr } workplace { pNumber } outcomes { monthsAfterEnd endResult } } }",
            new { id = Id(ended) });
        Assert.Equal(workplace.Cvr, read["placement"]!["company"]!["cvr"]!.GetValue<string>());
        Assert.Equal(workplace.PNumber, read["placement"]!["workplace"]!["pNumber"]!.GetValue<string>());
        Assert.Equal(Today.Iso(), read["placement"]!["actualEnd"]!.GetValue<string>());
        Assert.Equal("ORDINARY_JOB", read["placement"]!["outcomes"]![0]!["endResult"]!.GetValue<string>());

        await using var db = factory.NewDbContext();
        var stored = await db.Placements.SingleAsync(p => p.CandidateId == candidate.Id);
        Assert.Equal(PlacementStatus.Completed, stored.Status);
        Assert.Equal(InternshipPurpose.Hiring, stored.Purpose);
        Assert.Equal(start, stored.ActualStart);
        Assert.Equal(start.AddDays(-5), stored.EmployeeRepStatement!.GivenOn);
        Assert.Equal(EndResult.OrdinaryJob, (await db.Outcomes.SingleAsync(o => o.PlacementId == stored.Id)).EndResult);
    }

    [Fact]
    public async Task A_wage_subsidy_goes_from_proposal_through_confirmation_to_an_early_end_into_an_ordinary_job()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20, averageEmployees12Months: 18.5m);
        var candidate = await factory.CreateCandidateAsync(TargetGroup.JobReadySocialAssistance);
        var start = Today.AddDays(-40);
        var plannedEnd = start.AddMonths(6).AddDays(-1);

        var proposed = await consultant.MutateOkAsync("proposePlacement", new
        {
            candidateId = candidate.GlobalId,
            companyId = workplace.CompanyId,
            workplaceId = workplace.WorkplaceId,
            offerKind = "WAGE_SUBSIDY",
            plannedStart = start.Iso(),
            plannedEnd = plannedEnd.Iso(),
        });
        var stated = await consultant.RecordStatementAsync(proposed, start.AddDays(-7), isPositive: false);
        var confirmed = await consultant.MutateOkAsync("confirmAdditionalEmployment", new { placementId = Id(stated), version = Version(stated), noDismissalWithin3Months = true });
        var approved = await consultant.MutateOkAsync("approvePlacement", new { id = Id(confirmed), version = Version(confirmed) });
        var active = await consultant.MutateOkAsync("startPlacement", new { id = Id(approved), version = Version(approved), actualStart = start.Iso() });
        var ended = await consultant.MutateOkAsync("endPlacement", new { id = Id(active), version = Version(active), actualEnd = Today.Iso(), endedEarly = true, reason = "Ansat ordinært før tid." });
        await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 0, endResult = "ORDINARY_JOB" }, OutcomeFields);

        Assert.Null(proposed["purpose"]);
        Assert.False(stated["employeeRepStatement"]!["isPositive"]!.GetValue<bool>());
        Assert.Equal(20, confirmed["wageSubsidyConfirmation"]!["headcountLastMonth"]!.GetValue<int>());
        Assert.Equal(18.5m, confirmed["wageSubsidyConfirmation"]!["averageHeadcount12Months"]!.GetValue<decimal>());
        Assert.Equal("ENDED_EARLY", Status(ended));
        Assert.Equal("Ansat ordinært før tid.", ended["endReason"]!.GetValue<string>());

        await using var db = factory.NewDbContext();
        var stored = await db.Placements.SingleAsync(p => p.CandidateId == candidate.Id);
        Assert.Equal(PlacementStatus.EndedEarly, stored.Status);
        Assert.Equal(OfferKind.WageSubsidy, stored.OfferKind);
        Assert.Equal(18.5m, stored.WageSubsidyConfirmation!.AverageHeadcount12Months);
        Assert.True(stored.WageSubsidyConfirmation.NoDismissalWithin3Months);
        Assert.Equal(Today, stored.ActualEnd);
    }

    [Fact]
    public async Task A_follow_up_is_recorded_once_its_date_has_come_and_only_once()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 5);
        var candidate = await factory.CreateCandidateAsync();
        var ended = await consultant.CompletedInternshipAsync(candidate, workplace, end: Today.AddDays(-73));

        var oneMonth = await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 1, selfSupporting = true }, OutcomeFields);
        var again = await consultant.MutateAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 1, selfSupporting = false }, OutcomeFields);
        var tooEarly = await consultant.MutateAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 3, selfSupporting = true }, OutcomeFields);

        Assert.True(oneMonth["selfSupporting"]!.GetValue<bool>());
        again.ShouldFailWith("CONFLICT");
        tooEarly.ShouldFailWith("RULE_VIOLATION");
        Assert.Equal("OutcomeSchedule", tooEarly.Rule);
        Assert.Contains($"due on {Today.AddDays(-73).AddMonths(3).Iso()}", tooEarly.Message, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        var outcomes = await db.Outcomes.Where(o => o.PlacementId == Key(Id(ended))).ToListAsync();
        var only = Assert.Single(outcomes);
        Assert.True(only.SelfSupporting);
    }

    [Fact]
    public async Task The_approval_is_recorded_with_the_approving_consultant_and_the_time_and_shown_to_staff_only_by_name()
    {
        var approver = await factory.CreateUserAsync("CONSULTANT");
        var consultant = approver.Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 12);
        var candidate = await factory.CreateCandidateAsync();
        var proposed = await consultant.ProposeInternshipAsync(candidate, workplace, Today.AddDays(7), Today.AddDays(34));
        var stated = await consultant.RecordStatementAsync(proposed, Today);
        const string Approval = "id version status approvedAt approvedBy { id displayName }";
        Assert.Null(stated["approvedAt"]);
        var before = DateTimeOffset.UtcNow;

        var approved = await consultant.MutateOkAsync("approvePlacement", new { id = Id(stated), version = Version(stated) }, Approval);

        Assert.Equal("APPROVED", Status(approved));
        var approvedAt = approved["approvedAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(approvedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(approver.Id, approved["approvedBy"]!["id"]!.GetValue<string>());
        Assert.Equal("Test CONSULTANT", approved["approvedBy"]!["displayName"]!.GetValue<string>());

        // Read again by a manager, and by the company's own user: the time, but not the consultant.
        const string Read = "query($id: ID!) { placement(id: $id) { approvedAt approvedBy { displayName } } }";
        var manager = (await factory.CreateUserAsync("MANAGER")).Client;
        var byManager = (await manager.QueryAsync(Read, new { id = Id(approved) }))["placement"]!;
        Assert.Equal(approvedAt, byManager["approvedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Test CONSULTANT", byManager["approvedBy"]!["displayName"]!.GetValue<string>());
        var companyUser = (await factory.CreateUserAsync("COMPANY", workplace.CompanyId)).Client;
        var byCompany = (await companyUser.QueryAsync(Read, new { id = Id(approved) }))["placement"]!;
        Assert.Equal(approvedAt, byCompany["approvedAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(byCompany["approvedBy"]);

        var stored = await factory.StoredPlacementAsync(Id(approved));
        Assert.Equal(Key(approver.Id).ToString(), stored.ApprovedBy);
        Assert.Equal(approvedAt, stored.ApprovedAt);
    }

    [Fact]
    public async Task A_proposed_placement_is_called_off_with_a_reason()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 5);
        var candidate = await factory.CreateCandidateAsync();
        var proposed = await consultant.ProposeInternshipAsync(candidate, workplace, Today.AddDays(7), Today.AddDays(20));

        var cancelled = await consultant.MutateOkAsync("cancelPlacement", new { id = Id(proposed), version = 1, reason = "Kandidaten er blevet syg." });

        Assert.Equal("ENDED_EARLY", Status(cancelled));
        Assert.Equal("Kandidaten er blevet syg.", cancelled["endReason"]!.GetValue<string>());
        Assert.Empty(cancelled["nextStatuses"]!.AsArray());
        var outcome = await consultant.MutateAsync("recordOutcome", new { placementId = Id(cancelled), monthsAfterEnd = 0, endResult = "DROPPED_OUT" }, OutcomeFields);
        outcome.ShouldFailWith("RULE_VIOLATION");
    }

    [Fact]
    public async Task An_ordinary_job_needs_no_purpose_statement_or_confirmation()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 0);
        var candidate = await factory.CreateCandidateAsync();

        var proposed = await consultant.MutateOkAsync("proposePlacement", new
        {
            candidateId = candidate.GlobalId,
            companyId = workplace.CompanyId,
            workplaceId = workplace.WorkplaceId,
            offerKind = "ORDINARY_JOB",
            plannedStart = Today.AddDays(-1).Iso(),
            plannedEnd = Today.AddYears(2).Iso(),
        });
        var approved = await consultant.MutateOkAsync("approvePlacement", new { id = Id(proposed), version = 1 });
        var active = await consultant.MutateOkAsync("startPlacement", new { id = Id(approved), version = 2, actualStart = Today.Iso() });

        Assert.Equal("ACTIVE", Status(active));
    }
}
