using CrmAlliance.Api.Features.Placements.Rules;

namespace CrmAlliance.UnitTests.Placements.Rules;

public sealed class PlacementRulesOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
        => Assert.True(new PlacementRulesOptionsValidator().Validate(null, new PlacementRulesOptions()).Succeeded);

    [Fact]
    public void A_ratio_of_zero_employees_per_place_is_refused_at_start_up()
    {
        var options = new PlacementRulesOptions { Ratio = { EmployeesPerPlace = 0 } };

        var result = new PlacementRulesOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Rules:Ratio:EmployeesPerPlace must be at least 1 (it is 0).", result.Failures!);
    }
}
