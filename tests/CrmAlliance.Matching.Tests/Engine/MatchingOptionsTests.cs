using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Matching.Tests.Engine;

public sealed class MatchingOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
        => Assert.Empty(MatchingOptionsValidator.Errors(new MatchingOptions()));

    [Fact]
    public void Options_bind_from_the_matching_section_and_restrictions_add_to_the_flex_job_default()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Matching:TopN"] = "10",
            ["Matching:SkillsWeight"] = "0.5",
            ["Matching:EligibleTargetGroups:Mentor:0"] = "ResourceProgramme",
        }).Build();

        var options = configuration.GetSection(MatchingOptions.SectionName).Get<MatchingOptions>()!;

        Assert.Equal(10, options.TopN);
        Assert.Equal(0.5, options.SkillsWeight);
        Assert.Equal(["FlexJobSeeker"], options.EligibleTargetGroups["FlexJob"]);
        Assert.Equal(["ResourceProgramme"], options.EligibleTargetGroups["Mentor"]);
    }

    [Fact]
    public void Invalid_options_are_refused_each_with_its_reason()
    {
        var options = new MatchingOptions
        {
            TopN = 0,
            OccupationWeight = -1,
            SameUnitGroupScore = 1.5,
            FullDistanceScoreWithinKm = 90,
            ZeroAvailabilityScoreAfterDays = 0,
        };
        options.EligibleTargetGroups["Fleksjob"] = ["FlexJobSeekers"];

        var result = new MatchingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Matching:TopN must be 1 to 1000, not 0.",
                "Matching:SameUnitGroupScore must be between 0 and 1, not 1.5.",
                "Matching:OccupationWeight must be 0 or more, not -1.",
                "Matching:FullDistanceScoreWithinKm (90) must be 0 or more and below ZeroDistanceScoreFromKm (80).",
                "Matching:ZeroAvailabilityScoreAfterDays must be 1 or more, not 0.",
                "Matching:EligibleTargetGroups:Fleksjob is not an offer kind (OrdinaryJob, Internship, WageSubsidy, AdultApprenticeship, FlexJob, Mentor).",
                "Matching:EligibleTargetGroups:Fleksjob names 'FlexJobSeekers', which is not a target group (InsuredUnemployed, JobReadySocialAssistance, ActivityReadySocialAssistance, EducationBenefit, SicknessBenefit, FlexJobSeeker, ResourceProgramme, Integration, NewGraduate).",
            ],
            result.Failures);
    }

    [Fact]
    public void All_weights_zero_is_refused()
    {
        var options = new MatchingOptions { OccupationWeight = 0, SkillsWeight = 0, DistanceWeight = 0, AvailabilityWeight = 0 };

        Assert.Contains("Matching: at least one of the weights must be above 0.", MatchingOptionsValidator.Errors(options));
    }

    [Fact]
    public void The_engine_refuses_to_start_with_invalid_options()
        => Assert.Throws<ArgumentException>(() => new MatchingEngine(new CandidateIndex(), Options.Create(new MatchingOptions { TopN = 0 }), Pools.Centres));

    [Fact]
    public void The_module_registers_an_engine_that_matches_with_the_configured_options()
    {
        using var provider = Provider(new() { ["Matching:TopN"] = "1" });
        var index = provider.GetRequiredService<CandidateIndex>();
        index.Upsert(Pools.Candidate(1));
        index.Upsert(Pools.Candidate(2));

        var matches = provider.GetRequiredService<MatchingEngine>().Match(Pools.Vacancy());

        Assert.Equal([Pools.Id(1)], matches.Select(m => m.CandidateId));
    }

    [Fact]
    public void The_module_refuses_invalid_configuration_naming_the_setting()
    {
        using var provider = Provider(new() { ["Matching:ZeroDistanceScoreFromKm"] = "5" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<MatchingEngine>());

        Assert.Contains("FullDistanceScoreWithinKm (10) must be 0 or more and below ZeroDistanceScoreFromKm (5).", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
        => new ServiceCollection()
            .AddMatchingEngine(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
