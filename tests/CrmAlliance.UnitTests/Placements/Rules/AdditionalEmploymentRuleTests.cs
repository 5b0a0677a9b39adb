using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;
using Microsoft.Extensions.Options;

namespace CrmAlliance.UnitTests.Placements.Rules;

public sealed class AdditionalEmploymentRuleTests
{
    private readonly AdditionalEmploymentRule _rule = new(Options.Create(new PlacementRulesOptions()));

    [Theory]
    [InlineData(10, 9.5)]
    [InlineData(10, 10)]
    public void Allows_a_headcount_at_or_above_the_12_month_average_without_a_recent_dismissal(int headcount, double average)
        => _rule.Enforce(headcount, (decimal)average, noDismissalWithinPeriod: true);

    [Fact]
    public void Refuses_a_headcount_below_the_average_with_both_figures()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => _rule.Enforce(9, 9.5m, noDismissalWithinPeriod: true));

        Assert.Equal("AdditionalEmployment", refusal.Rule);
        Assert.Contains("headcount last month (9) is below the average of the previous 12 months (9.5)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_post_vacated_by_a_dismissal_within_3_months()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => _rule.Enforce(12, 10m, noDismissalWithinPeriod: false));

        Assert.Contains("vacated by a dismissal within the previous 3 months", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("below the average", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_both_problems_when_both_apply()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => _rule.Enforce(8, 10.25m, noDismissalWithinPeriod: false));

        Assert.Contains("(8) is below the average of the previous 12 months (10.25) and the post was vacated", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_configured_periods()
    {
        var rule = new AdditionalEmploymentRule(Options.Create(new PlacementRulesOptions { AdditionalEmployment = { HeadcountLookbackMonths = 6, NoDismissalWithinMonths = 2 } }));

        var refusal = Assert.Throws<RuleViolationException>(() => rule.Enforce(1, 2m, noDismissalWithinPeriod: false));

        Assert.Contains("previous 6 months", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("within the previous 2 months", refusal.Message, StringComparison.Ordinal);
    }
}
