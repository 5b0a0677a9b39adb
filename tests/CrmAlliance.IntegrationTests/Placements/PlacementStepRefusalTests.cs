using System.Text.Json.Nodes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Placements;

/// <summary>The steps after the proposal refuse what their rules forbid, and a refusal leaves the placement as it was.</summary>
public sealed class PlacementStepRefusalTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_placement_cannot_start_before_the_employee_representatives_statement()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var proposed = await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(-2), Today.AddDays(20));
        var approved = await consultant.MutateOkAsync("approvePlacement", new { id = Id(proposed), version = 1 });

        var refused = await consultant.MutateAsync("startPlacement", new { id = Id(approved), version = 2, actualStart = Today.Iso() });

        Assert.Equal("EmployeeRepStatement", refused.ShouldFailWith("RULE_VIOLATION").Rule);
        var unchanged = await factory.StoredPlacementAsync(Id(approved));
        Assert.Equal(PlacementStatus.Approved, unchanged.Status);
        Assert.Null(unchanged.ActualStart);
        Assert.Equal(2, unchanged.Version);
    }

    [Fact]
    public async Task A_wage_subsidy_is_approved_only_after_additional_employment_is_confirmed()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20, averageEmployees12Months: 15);
        var proposed = await ProposeWageSubsidyAsync(consultant, workplace);

        var refused = await consultant.MutateAsync("approvePlacement", new { id = Id(proposed), version = 1 });

        Assert.Equal("AdditionalEmployment", refused.ShouldFailWith("RULE_VIOLATION").Rule);
        Assert.Equal(PlacementStatus.Proposed, (await factory.StoredPlacementAsync(Id(proposed))).Status);
    }

    [Fact]
    public async Task Additional_employment_is_refused_with_the_figures_when_headcount_fell_or_a_dismissal_vacated_the_post()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 18, averageEmployees12Months: 19.5m);
        var proposed = await ProposeWageSubsidyAsync(consultant, workplace);

        var fell = await consultant.MutateAsync("confirmAdditionalEmployment", new { placementId = Id(proposed), version = 1, noDismissalWithin3Months = true });
        var dismissal = await consultant.MutateAsync("confirmAdditionalEmployment", new { placementId = Id(proposed), version = 1, headcountLastMonth = 21, averageHeadcount12Months = 19.5, noDismissalWithin3Months = false });

        Assert.Equal("AdditionalEmployment", fell.ShouldFailWith("RULE_VIOLATION").Rule);
        Assert.Contains("headcount last month (18) is below the average of the previous 12 months (19.5)", fell.Message, StringComparison.Ordinal);
        Assert.Contains("vacated by a dismissal within the previous 3 months", dismissal.ShouldFailWith("RULE_VIOLATION").Message, StringComparison.Ordinal);
        var unchanged = await factory.StoredPlacementAsync(Id(proposed));
        Assert.Null(unchanged.WageSubsidyConfirmation);
        Assert.Equal(1, unchanged.Version);

        var exempted = await consultant.MutateOkAsync("recordRuleExemption", new { placementId = Id(proposed), version = 1, rule = "ADDITIONAL_EMPLOYMENT", reason = "Sæsonudsving: medarbejderstaben er fuldt genbesat." });
        var confirmed = await consultant.MutateOkAsync("confirmAdditionalEmployment", new { placementId = Id(exempted), version = Version(exempted), noDismissalWithin3Months = true });
        Assert.Equal(18, confirmed["wageSubsidyConfirmation"]!["headcountLastMonth"]!.GetValue<int>());
    }

    [Fact]
    public async Task Additional_employment_is_confirmed_for_wage_subsidies_only_and_exemptions_for_rules_that_apply()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20, averageEmployees12Months: 15);
        var internship = await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(5), Today.AddDays(20));

        var confirm = await consultant.MutateAsync("confirmAdditionalEmployment", new { placementId = Id(internship), version = 1, noDismissalWithin3Months = true });
        var exemption = await consultant.MutateAsync("recordRuleExemption", new { placementId = Id(internship), version = 1, rule = "ADDITIONAL_EMPLOYMENT", reason = "Ikke relevant." });
        await consultant.MutateOkAsync("recordRuleExemption", new { placementId = Id(internship), version = 1, rule = "RATIO_RULE", reason = "Ny afdeling åbner." });
        var twice = await consultant.MutateAsync("recordRuleExemption", new { placementId = Id(internship), version = 2, rule = "RATIO_RULE", reason = "Igen." });

        Assert.Equal("AdditionalEmployment", confirm.ShouldFailWith("RULE_VIOLATION").Rule);
        exemption.ShouldFailWith("VALIDATION");
        Assert.Equal(["input.rule"], exemption.Fields);
        twice.ShouldFailWith("CONFLICT");
        var stored = await factory.StoredPlacementAsync(Id(internship));
        Assert.Single(stored.Exemptions);
        Assert.Null(stored.WageSubsidyConfirmation);
    }

    [Fact]
    public async Task Illegal_transitions_are_refused_naming_both_states()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var proposed = await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(-10), Today.AddDays(10));
        var completed = await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(-1));

        var startProposed = await consultant.MutateAsync("startPlacement", new { id = Id(proposed), version = 1, actualStart = Today.Iso() });
        var endProposed = await consultant.MutateAsync("endPlacement", new { id = Id(proposed), version = 1, actualEnd = Today.Iso() });
        var approveCompleted = await consultant.MutateAsync("approvePlacement", new { id = Id(completed), version = Version(completed) });
        var cancelCompleted = await consultant.MutateAsync("cancelPlacement", new { id = Id(completed), version = Version(completed), reason = "For sent." });
        var statementOnCompleted = await consultant.MutateAsync("recordEmployeeRepStatement", new { placementId = Id(completed), version = Version(completed), representativeName = "Sent", givenOn = Today.Iso(), isPositive = true });

        Assert.Equal("a placement cannot go from proposed to active.", startProposed.ShouldFailWith("RULE_VIOLATION").Message);
        Assert.Equal("a placement cannot go from proposed to completed.", endProposed.ShouldFailWith("RULE_VIOLATION").Message);
        Assert.Equal("a placement cannot go from completed to approved.", approveCompleted.ShouldFailWith("RULE_VIOLATION").Message);

        Assert.Equal("PlacementStatus", cancelCompleted.ShouldFailWith("RULE_VIOLATION").Rule);
        Assert.Equal("PlacementStatus", statementOnCompleted.ShouldFailWith("RULE_VIOLATION").Rule);
        Assert.Equal(PlacementStatus.Proposed, (await factory.StoredPlacementAsync(Id(proposed))).Status);
        Assert.Equal(PlacementStatus.Completed, (await factory.StoredPlacementAsync(Id(completed))).Status);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var proposed = await consultant.ProposeInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(5), Today.AddDays(20));
        await consultant.RecordStatementAsync(proposed, Today);

        var stale = await consultant.MutateAsync("approvePlacement", new { id = Id(proposed), version = 1 });

        stale.ShouldFailWith("CONFLICT");
        Assert.Equal(["input.version"], stale.Fields);
        var unchanged = await factory.StoredPlacementAsync(Id(proposed));
        Assert.Equal(PlacementStatus.Proposed, unchanged.Status);
        Assert.Equal(2, unchanged.Version);
    }

    [Fact]
    public async Task Dates_in_the_future_an_end_before_the_start_and_an_early_end_without_a_reason_are_refused()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var approved = await consultant.ApprovedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(-5));

        var futureStart = await consultant.MutateAsync("startPlacement", new { id = Id(approved), version = Version(approved), actualStart = Today.AddDays(1).Iso() });
        var active = await consultant.MutateOkAsync("startPlacement", new { id = Id(approved), version = Version(approved), actualStart = Today.AddDays(-5).Iso() });
        var beforeStart = await consultant.MutateAsync("endPlacement", new { id = Id(active), version = Version(active), actualEnd = Today.AddDays(-6).Iso() });
        var noReason = await consultant.MutateAsync("endPlacement", new { id = Id(active), version = Version(active), actualEnd = Today.Iso(), endedEarly = true });
        var futureEnd = await consultant.MutateAsync("endPlacement", new { id = Id(active), version = Version(active), actualEnd = Today.AddDays(1).Iso() });

        Assert.Equal(["input.actualStart"], futureStart.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.actualEnd"], beforeStart.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.reason"], noReason.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.actualEnd"], futureEnd.ShouldFailWith("VALIDATION").Fields);
        var stored = await factory.StoredPlacementAsync(Id(active));
        Assert.Equal(PlacementStatus.Active, stored.Status);
        Assert.Null(stored.ActualEnd);
    }

    [Fact]
    public async Task Outcomes_are_refused_before_the_end_with_the_wrong_fields_or_at_an_unknown_point()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplace = await consultant.RegisterWorkplaceAsync(ordinaryEmployees: 20);
        var active = await consultant.ApprovedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(-5));
        var completed = await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), workplace, Today.AddDays(-1));

        var notEnded = await consultant.MutateAsync("recordOutcome", new { placementId = Id(active), monthsAfterEnd = 0, endResult = "EDUCATION" }, OutcomeFields);
        var wrongFields = await consultant.MutateAsync("recordOutcome", new { placementId = Id(completed), monthsAfterEnd = 0, selfSupporting = true }, OutcomeFields);
        var followUpWithEndResult = await consultant.MutateAsync("recordOutcome", new { placementId = Id(completed), monthsAfterEnd = 6, endResult = "EDUCATION" }, OutcomeFields);
        var unknownPoint = await consultant.MutateAsync("recordOutcome", new { placementId = Id(completed), monthsAfterEnd = 2, selfSupporting = true }, OutcomeFields);

        Assert.Equal("PlacementStatus", notEnded.ShouldFailWith("RULE_VIOLATION").Rule);
        Assert.Equal(["input.endResult", "input.selfSupporting"], wrongFields.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.endResult", "input.selfSupporting"], followUpWithEndResult.ShouldFailWith("VALIDATION").Fields);
        Assert.Equal(["input.monthsAfterEnd"], unknownPoint.ShouldFailWith("VALIDATION").Fields);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Outcomes.AnyAsync(o => o.PlacementId == Key(Id(active)) || o.PlacementId == Key(Id(completed))));
    }

    private async Task<JsonNode> ProposeWageSubsidyAsync(GraphQLClient consultant, TestWorkplace workplace)
    {
        var candidate = await factory.CreateCandidateAsync();
        return await consultant.MutateOkAsync("proposePlacement", new
        {
            candidateId = candidate.GlobalId,
            companyId = workplace.CompanyId,
            workplaceId = workplace.WorkplaceId,
            offerKind = "WAGE_SUBSIDY",
            plannedStart = Today.AddDays(5).Iso(),
            plannedEnd = Today.AddDays(5).AddMonths(3).Iso(),
        });
    }
}
