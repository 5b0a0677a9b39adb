using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Placements.Rules;
using Microsoft.Extensions.Options;

namespace CrmAlliance.UnitTests.Placements.Rules;

public sealed class RatioRuleTests
{
    private static readonly DatePeriod March = new(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
    private readonly RatioRule _rule = new(Options.Create(new PlacementRulesOptions()));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(14, 2)]
    [InlineData(15, 3)]
    [InlineData(19, 3)]
    [InlineData(50, 10)]
    [InlineData(59, 10)]
    [InlineData(60, 11)]
    [InlineData(100, 15)]
    public void Allows_1_place_per_5_ordinary_employees_up_to_50_at_least_1_and_1_per_10_beyond(int ordinaryEmployees, int allowedPlaces)
        => Assert.Equal(allowedPlaces, _rule.AllowedPlaces(ordinaryEmployees));

    [Fact]
    public void Refuses_a_second_place_at_a_workplace_of_9_with_the_numbers_in_the_message()
    {
        var taken = new[] { new DatePeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10)) };

        var refusal = Assert.Throws<RuleViolationException>(() => _rule.Enforce("1012345678", 9, taken, March, placementCounts: true));

        Assert.Equal("RatioRule", refusal.Rule);
        Assert.StartsWith("the workplace has 1 of 1 allowed internship/wage-subsidy places for 9 ordinary employees. Workplace 1012345678, at some time in 2026-03-01 to 2026-03-31", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_in_Danish_how_many_places_are_taken_when_one_is_free_and_that_a_resource_programme_takes_none()
    {
        var taken = new[] { new DatePeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10)) };

        var holds = _rule.Enforce("1012345678", 10, taken, March, placementCounts: true);
        var takesNone = _rule.Enforce("1012345678", 9, taken, March, placementCounts: false);

        Assert.Equal(
            "Arbejdsstedet med P-nummer 1012345678 har 1 af 2 tilladte pladser i praktik/løntilskud optaget for 10 ordinære ansatte, så der er plads til forløbet.",
            Refusals.Describe(holds, Refusals.Danish));
        Assert.Equal("En kandidat i ressourceforløb optager ingen plads efter rimelighedskravet.", Refusals.Describe(takesNone, Refusals.Danish));
    }

    [Fact]
    public void Allows_a_second_place_once_the_workplace_has_10_ordinary_employees()
    {
        var taken = new[] { new DatePeriod(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 10)) };

        _rule.Enforce("1012345678", 10, taken, March, placementCounts: true);
    }

    [Fact]
    public void Refuses_a_third_place_at_10_ordinary_employees()
    {
        var taken = new[] { March, new DatePeriod(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)) };

        var refusal = Assert.Throws<RuleViolationException>(() => _rule.Enforce("1012345678", 10, taken, March, placementCounts: true));

        Assert.Contains("has 2 of 2 allowed", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Placements_outside_the_period_take_no_place()
    {
        var taken = new[] { new DatePeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28)), new DatePeriod(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30)) };

        _rule.Enforce("1012345678", 9, taken, March, placementCounts: true);
    }

    [Fact]
    public void Placements_that_follow_each_other_occupy_one_place_not_two()
    {
        var firstHalf = new DatePeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15));
        var secondHalf = new DatePeriod(new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 31));

        Assert.Equal(1, RatioRule.PeakOccupancy([firstHalf, secondHalf], March));
        _rule.Enforce("1012345678", 10, [firstHalf, secondHalf], March, placementCounts: true);
        Assert.Throws<RuleViolationException>(() => _rule.Enforce("1012345678", 9, [firstHalf, secondHalf], March, placementCounts: true));
    }

    [Fact]
    public void Placements_sharing_one_day_are_present_at_the_same_time()
    {
        var first = new DatePeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15));
        var second = new DatePeriod(new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 31));

        Assert.Equal(2, RatioRule.PeakOccupancy([first, second], March));
    }

    [Fact]
    public void A_placement_that_does_not_count_is_never_refused()
        => _rule.Enforce("1012345678", 0, [March, March, March], March, placementCounts: false);

    [Fact]
    public void Uses_the_configured_numbers()
    {
        var options = new PlacementRulesOptions { Ratio = { EmployeesPerPlace = 10, SmallWorkplaceLimit = 20, EmployeesPerPlaceBeyondLimit = 20, MinimumPlaces = 2 } };
        var rule = new RatioRule(Options.Create(options));

        Assert.Equal(2, rule.AllowedPlaces(0));
        Assert.Equal(2, rule.AllowedPlaces(20));
        Assert.Equal(4, rule.AllowedPlaces(60));
    }

    [Fact]
    public void Names_a_full_time_equivalent_counting_basis_in_the_refusal()
    {
        var rule = new RatioRule(Options.Create(new PlacementRulesOptions { Ratio = { CountingBasis = HeadcountBasis.FullTimeEquivalents } }));

        var refusal = Assert.Throws<RuleViolationException>(() => rule.Enforce("1012345678", 9, [March], March, placementCounts: true));

        Assert.Contains("9 ordinary employees. Workplace 1012345678, counted in full-time equivalents", refusal.Message, StringComparison.Ordinal);

    }
}
