using CrmAlliance.Contracts.Snapshots;
using static CrmAlliance.Matching.Tests.Engine.Pools;

namespace CrmAlliance.Matching.Tests.Engine;

/// <summary>
/// A candidate a placement holds from the vacancy's start on is not suggested: the core's overlap rule would refuse
/// accepting them. (<see cref="Pools.Match"/> also checks the engine, exhaustive and pruned, against the brute force.)
/// </summary>
public sealed class BusyCandidateTests
{
    [Fact]
    public void A_candidate_held_by_a_placement_running_into_the_vacancys_period_is_not_suggested_however_well_they_match()
    {
        var pool = new[]
        {
            Candidate(1, ["522310"], ["kasse"]) with { BusyPeriods = [new BusyPeriod(Start.AddDays(-60), Start.AddDays(30))] }, // a perfect match, but busy
            Candidate(2, ["9112"], ["kasse"], postcode: "9800"),
        };

        var matches = Match(pool, Vacancy("522310", ["kasse"]));

        Assert.Equal([Id(2)], matches.Select(m => m.CandidateId));
    }

    [Fact]
    public void A_placement_starting_after_the_vacancys_start_also_makes_the_candidate_busy_as_the_vacancy_has_no_end()
    {
        var pool = new[] { Candidate(1) with { BusyPeriods = [new BusyPeriod(Start.AddDays(90), Start.AddDays(180))] }, Candidate(2) };

        var matches = Match(pool, Vacancy());

        Assert.Equal([Id(2)], matches.Select(m => m.CandidateId));
    }

    [Fact]
    public void A_placement_ending_the_day_before_the_vacancy_starts_leaves_the_candidate_free_and_on_its_last_day_busy()
    {
        var endsBefore = Candidate(1) with { BusyPeriods = [new BusyPeriod(Start.AddDays(-90), Start.AddDays(-1))] };
        var endsOnStart = Candidate(2) with { BusyPeriods = [new BusyPeriod(Start.AddDays(-90), Start)] };

        var matches = Match([endsBefore, endsOnStart], Vacancy());

        Assert.Equal([Id(1)], matches.Select(m => m.CandidateId));
    }

    [Fact]
    public void A_candidate_is_suggested_again_once_a_newer_state_has_no_busy_period()
    {
        using var index = Index([Candidate(1) with { BusyPeriods = [new BusyPeriod(Start, Start.AddDays(30))] }]);
        var engine = Matcher(index);
        Assert.Empty(engine.Match(Vacancy()));

        Assert.True(index.Upsert(Candidate(1, asOf: Now.AddMinutes(1)) with { BusyPeriods = [] }));

        Assert.Equal([Id(1)], engine.Match(Vacancy()).Select(m => m.CandidateId));
    }
}
