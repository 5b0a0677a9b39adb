using CrmAlliance.Matching.Engine;
using Microsoft.Extensions.Options;
using static CrmAlliance.Matching.Tests.Engine.Pools;

namespace CrmAlliance.Matching.Tests.Engine;

/// <summary>The equality tests would pass with pruning switched off; these check the engine really skips candidates.</summary>
public sealed class PruningTests
{
    private static readonly string[] OtherOccupations = ["9112", "7212", "8322", "2221", "4110", "9333"];

    [Fact]
    public void With_plenty_of_close_candidates_the_search_never_looks_at_the_other_occupations()
    {
        // 300 shop assistants (5223) near the workplace with the required skills, 9,700 candidates in other major groups.
        var pool = Enumerable.Range(1, 10_000)
            .Select(n => n <= 300
                ? Candidate(n, ["5223"], ["kasse", "kundeservice"], postcode: n % 2 == 0 ? "9000" : "9400")
                : Candidate(n, [OtherOccupations[n % OtherOccupations.Length]], ["kasse"], postcode: "9000"))
            .ToList();
        using var index = Index(pool);
        var vacancy = Vacancy("5223", ["kasse", "kundeservice"]);

        var matches = Matcher(index).MatchCounting(vacancy, out var counts);

        Assert.Equal(Show(new BruteForceMatcher(pool, Options.Create(new MatchingOptions()), Centres).Match(vacancy)), Show(matches));
        Assert.Equal(300, counts.Considered);
        Assert.InRange(counts.Scored, 20, 300);
    }

    [Fact]
    public void When_nobody_shares_a_group_only_candidates_with_a_required_skill_are_looked_at()
    {
        // No one seeks anything in major group 5; 50 of 10,000 have the one required skill.
        var pool = Enumerable.Range(1, 10_000)
            .Select(n => Candidate(n, [OtherOccupations[n % OtherOccupations.Length]], n % 200 == 0 ? ["kasse"] : ["svejsning"]))
            .ToList();
        using var index = Index(pool);
        var vacancy = Vacancy("5223", ["kasse"]);

        var matches = Matcher(index).MatchCounting(vacancy, out var counts);

        Assert.Equal(Show(new BruteForceMatcher(pool, Options.Create(new MatchingOptions()), Centres).Match(vacancy)), Show(matches));
        Assert.Equal(20, matches.Count);
        Assert.Equal(50, counts.Considered);
    }
}
