using System.Text.Json;
using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmAlliance.IntegrationTests.Placements;

public sealed class PlacementRulesConfigurationTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public void The_Rules_section_of_appsettings_states_the_defaults_of_docs_domain_md()
    {
        var configured = factory.Services.GetRequiredService<IOptions<PlacementRulesOptions>>().Value;

        Assert.Equal(JsonSerializer.Serialize(new PlacementRulesOptions()), JsonSerializer.Serialize(configured));
        Assert.Equal(4, configured.Internship.WeeksByTargetGroup.Count);
    }

    [Fact]
    public void The_host_binds_changed_numbers_from_configuration()
    {
        using var changed = factory.WithWebHostBuilder(b => b
            .UseSetting("Rules:Ratio:EmployeesPerPlace", "3")
            .UseSetting("Rules:Internship:WeeksByTargetGroup:NewGraduate", "6")
            .UseSetting("Rules:WageSubsidy:PublicMaxMonths", "2"));

        var options = changed.Services.GetRequiredService<IOptions<PlacementRulesOptions>>().Value;
        var ratio = changed.Services.GetRequiredService<RatioRule>();

        Assert.Equal(3, options.Ratio.EmployeesPerPlace);
        Assert.Equal(3, ratio.AllowedPlaces(9));
        Assert.Equal(6, options.Internship.WeeksByTargetGroup[Api.Features.TargetGroup.NewGraduate]);
        Assert.Equal(2, options.WageSubsidy.PublicMaxMonths);
    }
}
