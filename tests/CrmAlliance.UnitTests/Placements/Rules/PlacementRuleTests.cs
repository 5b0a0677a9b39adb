using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Placements.Rules;

namespace CrmAlliance.UnitTests.Placements.Rules;

/// <summary>The rules without numbers: purpose, last employer, the employee representative's statement, flex-job eligibility.</summary>
public sealed class PlacementRuleTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    [Fact]
    public void An_internship_without_a_purpose_is_refused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => InternshipPurposeRule.Enforce(OfferKind.Internship, null));

        Assert.Equal("InternshipPurpose", refusal.Rule);
        Assert.Equal("input.purpose", refusal.Field);
    }

    [Fact]
    public void A_purpose_on_another_kind_is_refused()
        => Assert.Throws<RuleViolationException>(() => InternshipPurposeRule.Enforce(OfferKind.WageSubsidy, InternshipPurpose.Hiring));

    [Fact]
    public void An_internship_with_a_purpose_and_another_kind_without_one_pass()
    {
        InternshipPurposeRule.Enforce(OfferKind.Internship, InternshipPurpose.Clarification);
        InternshipPurposeRule.Enforce(OfferKind.OrdinaryJob, null);
    }

    [Fact]
    public void An_internship_at_the_candidates_last_employer_is_refused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => LastEmployerRule.Enforce(OfferKind.Internship, "12345674", "12345674"));

        Assert.Equal("LastEmployer", refusal.Rule);
        Assert.Contains("CVR 12345674", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_kind_at_the_last_employer_and_an_internship_elsewhere_pass()
    {
        LastEmployerRule.Enforce(OfferKind.OrdinaryJob, "12345674", "12345674");
        LastEmployerRule.Enforce(OfferKind.Internship, "12345674", "87654321");
        LastEmployerRule.Enforce(OfferKind.Internship, "12345674", null);
    }

    [Theory]
    [InlineData(OfferKind.Internship)]
    [InlineData(OfferKind.WageSubsidy)]
    public void An_internship_or_wage_subsidy_cannot_start_without_the_statement(OfferKind kind)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => EmployeeRepStatementRule.Enforce(kind, null, Start));

        Assert.Equal("EmployeeRepStatement", refusal.Rule);
    }

    [Fact]
    public void A_statement_given_after_the_start_does_not_count()
    {
        var statement = Statement(givenOn: Start.AddDays(1), isPositive: true);

        var refusal = Assert.Throws<RuleViolationException>(() => EmployeeRepStatementRule.Enforce(OfferKind.Internship, statement, Start));

        Assert.Contains("given on 2026-03-03, after the start on 2026-03-02", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_statement_is_heard_and_does_not_block_the_start()
        => EmployeeRepStatementRule.Enforce(OfferKind.WageSubsidy, Statement(givenOn: Start, isPositive: false), Start);

    [Fact]
    public void An_ordinary_job_needs_no_statement()
        => EmployeeRepStatementRule.Enforce(OfferKind.OrdinaryJob, null, Start);

    [Fact]
    public void A_flex_job_is_only_for_flex_job_seekers()
    {
        FlexJobEligibilityRule.Enforce(OfferKind.FlexJob, TargetGroup.FlexJobSeeker);
        FlexJobEligibilityRule.Enforce(OfferKind.Internship, TargetGroup.InsuredUnemployed);

        var refusal = Assert.Throws<RuleViolationException>(() => FlexJobEligibilityRule.Enforce(OfferKind.FlexJob, TargetGroup.InsuredUnemployed));

        Assert.Equal("FlexJobEligibility", refusal.Rule);
    }

    [Theory]
    [InlineData(PlacementRule.RatioRule, OfferKind.Internship, true)]
    [InlineData(PlacementRule.RatioRule, OfferKind.WageSubsidy, true)]
    [InlineData(PlacementRule.RatioRule, OfferKind.OrdinaryJob, false)]
    [InlineData(PlacementRule.MaximumDuration, OfferKind.Internship, true)]
    [InlineData(PlacementRule.MaximumDuration, OfferKind.FlexJob, false)]
    [InlineData(PlacementRule.AdditionalEmployment, OfferKind.WageSubsidy, true)]
    [InlineData(PlacementRule.AdditionalEmployment, OfferKind.Internship, false)]
    public void An_exemption_applies_only_to_the_kinds_its_rule_covers(PlacementRule rule, OfferKind kind, bool applies)
        => Assert.Equal(applies, rule.AppliesTo(kind));

    private static EmployeeRepStatement Statement(DateOnly givenOn, bool isPositive)
        => new() { RepresentativeName = "Tillidsrepræsentant", GivenOn = givenOn, IsPositive = isPositive, RecordedBy = "consultant" };
}
