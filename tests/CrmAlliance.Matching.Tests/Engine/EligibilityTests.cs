using CrmAlliance.Contracts.Snapshots;
using CrmAlliance.Matching.Engine;
using static CrmAlliance.Matching.Tests.Engine.Pools;

namespace CrmAlliance.Matching.Tests.Engine;

public sealed class EligibilityTests
{
    private static readonly CandidateProfile[] OneOfEachTargetGroup =
        DomainNames.TargetGroups.Select((group, i) => Candidate(i + 1, targetGroup: group)).ToArray();

    [Fact]
    public void A_flex_job_is_proposed_only_to_flex_job_seekers_as_the_core_enforces()
    {
        var matches = Match(OneOfEachTargetGroup, Vacancy(offerKind: "FlexJob"));

        var flexJobSeeker = OneOfEachTargetGroup.Single(c => c.TargetGroup == "FlexJobSeeker");
        Assert.Equal([flexJobSeeker.CandidateId], matches.Select(m => m.CandidateId));
    }

    [Theory]
    [InlineData("OrdinaryJob")]
    [InlineData("Internship")]
    [InlineData("WageSubsidy")]
    [InlineData("AdultApprenticeship")]
    [InlineData("Mentor")]
    [InlineData("SomeFutureOfferKind")]
    public void Other_offer_kinds_are_open_to_every_target_group(string offerKind)
    {
        var matches = Match(OneOfEachTargetGroup, Vacancy(offerKind: offerKind));

        Assert.Equal(OneOfEachTargetGroup.Select(c => c.CandidateId), matches.Select(m => m.CandidateId));
    }

    [Fact]
    public void An_ineligible_candidate_is_left_out_however_well_they_match()
    {
        var pool = new[]
        {
            Candidate(1, ["522310"], ["kasse"], targetGroup: "InsuredUnemployed"),          // a perfect 1.0, but not a flex-job seeker
            Candidate(2, ["9112"], ["kasse"], postcode: "9800", targetGroup: "FlexJobSeeker"), // a poor match, but eligible
        };

        var matches = Match(pool, Vacancy("522310", ["kasse"], offerKind: "FlexJob"));

        Assert.Equal([Id(2)], matches.Select(m => m.CandidateId));
    }

    [Fact]
    public void Restrictions_from_configuration_add_to_the_default()
    {
        var options = new MatchingOptions();
        options.EligibleTargetGroups["Mentor"] = ["ActivityReadySocialAssistance", "ResourceProgramme"];

        var mentor = Match(OneOfEachTargetGroup, Vacancy(offerKind: "Mentor"), options);
        var flexJob = Match(OneOfEachTargetGroup, Vacancy(offerKind: "FlexJob"), options);

        Assert.Equal(["ActivityReadySocialAssistance", "ResourceProgramme"], mentor.Select(m => OneOfEachTargetGroup.Single(c => c.CandidateId == m.CandidateId).TargetGroup));
        Assert.Single(flexJob);
    }

    [Fact]
    public void Offer_kinds_and_target_groups_compare_ignoring_case_and_surrounding_spaces()
    {
        var pool = new[] { Candidate(1, targetGroup: " flexjobseeker "), Candidate(2, targetGroup: "insuredunemployed") };

        var matches = Match(pool, Vacancy(offerKind: "flexJob "));

        Assert.Equal([Id(1)], matches.Select(m => m.CandidateId));
    }
}
