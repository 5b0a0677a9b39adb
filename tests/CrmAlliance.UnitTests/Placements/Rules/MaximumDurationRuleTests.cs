using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Placements.Rules;
using Microsoft.Extensions.Options;

namespace CrmAlliance.UnitTests.Placements.Rules;

public sealed class MaximumDurationRuleTests
{
    // Monday 2 March 2026: 4 weeks run to Sunday 29 March.
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private readonly MaximumDurationRule _rule = new(Options.Create(new PlacementRulesOptions()));

    [Theory]
    [InlineData(TargetGroup.InsuredUnemployed, true, 4)]
    [InlineData(TargetGroup.JobReadySocialAssistance, true, 4)]
    [InlineData(TargetGroup.NewGraduate, true, 8)]
    [InlineData(TargetGroup.ActivityReadySocialAssistance, true, 13)]
    [InlineData(TargetGroup.Integration, true, 13)]
    [InlineData(TargetGroup.SicknessBenefit, true, 13)]
    [InlineData(TargetGroup.InsuredUnemployed, false, 13)]
    [InlineData(TargetGroup.NewGraduate, false, 13)]
    public void An_internship_lasts_at_most_the_weeks_the_law_gives_the_candidate(TargetGroup targetGroup, bool hasWorkExperience, int weeks)
        => Assert.Equal(weeks, _rule.InternshipMaxWeeks(targetGroup, hasWorkExperience));

    [Fact]
    public void Says_in_Danish_by_when_a_placement_must_end_or_that_its_kind_has_no_maximum()
    {
        var within = _rule.Enforce(OfferKind.Internship, TargetGroup.InsuredUnemployed, true, Sector.Private, new DatePeriod(Monday, new DateOnly(2026, 3, 20)));
        var none = _rule.Enforce(OfferKind.OrdinaryJob, TargetGroup.InsuredUnemployed, true, Sector.Private, new DatePeriod(Monday, new DateOnly(2030, 1, 1)));

        Assert.Equal("Forløbet slutter den 20. marts 2026, inden for den længste varighed (senest den 29. marts 2026).", Refusals.Describe(within, Refusals.Danish));
        Assert.Equal("Et forløb i ordinært job har ingen længste varighed.", Refusals.Describe(none, Refusals.Danish));
    }

    [Fact]
    public void A_four_week_internship_may_run_28_days_and_not_29()
    {
        _rule.Enforce(OfferKind.Internship, TargetGroup.InsuredUnemployed, true, Sector.Private, new DatePeriod(Monday, new DateOnly(2026, 3, 29)));

        var refusal = Assert.Throws<RuleViolationException>(() =>
            _rule.Enforce(OfferKind.Internship, TargetGroup.InsuredUnemployed, true, Sector.Private, new DatePeriod(Monday, new DateOnly(2026, 3, 30))));

        Assert.Equal("MaximumDuration", refusal.Rule);
        Assert.Contains("at most 4 weeks", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("must end by 2026-03-29, but the planned end is 2026-03-30 (29 days)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graduate_internship_may_run_8_weeks()
    {
        _rule.Enforce(OfferKind.Internship, TargetGroup.NewGraduate, true, Sector.Private, new DatePeriod(Monday, new DateOnly(2026, 4, 26)));

        Assert.Throws<RuleViolationException>(() => _rule.Enforce(OfferKind.Internship, TargetGroup.NewGraduate, true, Sector.Private, new DatePeriod(Monday, new DateOnly(2026, 4, 27))));
    }

    [Fact]
    public void A_wage_subsidy_lasts_at_most_6_months_at_a_private_employer()
    {
        var start = new DateOnly(2026, 3, 1);
        _rule.Enforce(OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, true, Sector.Private, new DatePeriod(start, new DateOnly(2026, 8, 31)));

        var refusal = Assert.Throws<RuleViolationException>(() =>
            _rule.Enforce(OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, true, Sector.Private, new DatePeriod(start, new DateOnly(2026, 9, 1))));

        Assert.Contains("a wage subsidy at a private employer may last at most 6 months", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wage_subsidy_lasts_at_most_4_months_at_a_public_employer()
    {
        var start = new DateOnly(2026, 3, 1);
        _rule.Enforce(OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, true, Sector.Public, new DatePeriod(start, new DateOnly(2026, 6, 30)));

        var refusal = Assert.Throws<RuleViolationException>(() =>
            _rule.Enforce(OfferKind.WageSubsidy, TargetGroup.InsuredUnemployed, true, Sector.Public, new DatePeriod(start, new DateOnly(2026, 7, 1))));

        Assert.Contains("public employer may last at most 4 months", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OfferKind.OrdinaryJob)]
    [InlineData(OfferKind.FlexJob)]
    [InlineData(OfferKind.AdultApprenticeship)]
    [InlineData(OfferKind.Mentor)]
    public void Other_offer_kinds_have_no_maximum(OfferKind kind)
        => _rule.Enforce(kind, TargetGroup.InsuredUnemployed, true, Sector.Public, new DatePeriod(Monday, new DateOnly(2030, 1, 1)));

    [Fact]
    public void Uses_the_configured_weeks()
    {
        var options = new PlacementRulesOptions();
        options.Internship.WeeksByTargetGroup[TargetGroup.InsuredUnemployed] = 6;
        options.Internship.DefaultWeeks = 10;
        var rule = new MaximumDurationRule(Options.Create(options));

        Assert.Equal(6, rule.InternshipMaxWeeks(TargetGroup.InsuredUnemployed, true));
        Assert.Equal(10, rule.InternshipMaxWeeks(TargetGroup.Integration, true));
    }
}
