using CrmAlliance.Matching.Engine;
using static CrmAlliance.Matching.Tests.Engine.Pools;

namespace CrmAlliance.Matching.Tests.Engine;

public sealed class CandidateIndexTests
{
    [Fact]
    public void An_upsert_older_than_the_state_held_is_ignored()
    {
        using var index = Index([Candidate(1, ["5223"], asOf: Now)]);

        var applied = index.Upsert(Candidate(1, ["9112"], asOf: Now.AddMinutes(-1)));

        Assert.False(applied);
        Assert.Equal(1, index.Count);
        Assert.Equal([Id(1)], Matcher(index).Match(Vacancy("5223")).Select(m => m.CandidateId));
        Assert.Equal("same occupation group 5223; no skills required; same postcode; available", Matcher(index).Match(Vacancy("5223")).Single().Explanation);
    }

    [Fact]
    public void A_newer_upsert_replaces_the_candidate_and_its_old_occupation_no_longer_matches()
    {
        using var index = Index([Candidate(1, ["5223"], asOf: Now)]);

        Assert.True(index.Upsert(Candidate(1, ["7212"], ["svejsning"], asOf: Now.AddMinutes(1))));

        Assert.Equal(1, index.Count);
        var engine = Matcher(index, new() { MinimumScore = 0 });
        Assert.Equal("no shared occupation group; no skills required; same postcode; available", engine.Match(Vacancy("5223")).Single().Explanation);
        Assert.Equal("same occupation group 7212; 1 of 1 skills; same postcode; available", engine.Match(Vacancy("7212", ["svejsning"])).Single().Explanation);
    }

    [Fact]
    public void A_redelivered_upsert_with_the_same_time_is_applied_again_without_a_second_entry()
    {
        using var index = Index([Candidate(1, asOf: Now)]);

        Assert.True(index.Upsert(Candidate(1, asOf: Now)));

        Assert.Equal(1, index.Count);
        Assert.Single(Matcher(index).Match(Vacancy()));
    }

    [Fact]
    public void A_withdrawal_takes_the_candidate_out_and_its_tombstone_ignores_an_older_registration_arriving_later()
    {
        using var index = Index([Candidate(1, asOf: Now), Candidate(2, asOf: Now)]);

        Assert.True(index.Withdraw(Id(1), Now.AddMinutes(5)));
        var lateRegistration = index.Upsert(Candidate(1, asOf: Now.AddMinutes(2)));
        var sameTimeRegistration = index.Upsert(Candidate(1, asOf: Now.AddMinutes(5)));

        Assert.False(lateRegistration);
        Assert.False(sameTimeRegistration);
        Assert.Equal(1, index.Count);
        Assert.Equal(1, index.TombstoneCount);
        Assert.Equal([Id(2)], Matcher(index).Match(Vacancy()).Select(m => m.CandidateId));
    }

    [Fact]
    public void A_withdrawal_of_a_candidate_never_seen_keeps_a_tombstone_against_the_registration_that_follows_it_late()
    {
        using var index = new CandidateIndex();

        Assert.True(index.Withdraw(Id(1), Now));
        Assert.False(index.Upsert(Candidate(1, asOf: Now.AddSeconds(-1))));

        Assert.Equal(0, index.Count);
        Assert.Empty(Matcher(index).Match(Vacancy()));
    }

    [Fact]
    public void A_registration_newer_than_the_withdrawal_brings_the_candidate_back()
    {
        using var index = Index([Candidate(1, asOf: Now)]);
        index.Withdraw(Id(1), Now.AddMinutes(1));

        Assert.True(index.Upsert(Candidate(1, ["7212"], asOf: Now.AddMinutes(2))));

        Assert.Equal(1, index.Count);
        Assert.Equal(0, index.TombstoneCount);
        Assert.Equal([Id(1)], Matcher(index).Match(Vacancy("7212")).Select(m => m.CandidateId));
    }

    [Fact]
    public void A_withdrawal_older_than_the_state_held_is_ignored()
    {
        using var index = Index([Candidate(1, asOf: Now)]);

        Assert.False(index.Withdraw(Id(1), Now.AddMinutes(-1)));

        Assert.Equal(1, index.Count);
        Assert.Single(Matcher(index).Match(Vacancy()));
    }

    [Fact]
    public void Times_compare_as_instants_whatever_their_offsets()
    {
        using var index = Index([Candidate(1, asOf: new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(1)))]);

        // 10:00+01:00 is 09:00 UTC, so 09:30 UTC is newer: applied.
        Assert.True(index.Upsert(Candidate(1, ["7212"], asOf: new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero))));
        // 10:15+01:00 = 09:15 UTC is older than 09:30 UTC: ignored.
        Assert.False(index.Upsert(Candidate(1, ["5223"], asOf: new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.FromHours(1)))));
    }

    [Fact]
    public void Purging_forgets_only_tombstones_older_than_the_limit()
    {
        using var index = Index([Candidate(3, asOf: Now.AddDays(-30))]);
        index.Withdraw(Id(1), Now.AddDays(-10));
        index.Withdraw(Id(2), Now);

        var purged = index.PurgeTombstones(Now.AddDays(-1));

        Assert.Equal(1, purged);
        Assert.Equal(1, index.TombstoneCount);
        Assert.Equal(1, index.Count);
        Assert.True(index.Upsert(Candidate(1, asOf: Now.AddDays(-20))));
        Assert.False(index.Upsert(Candidate(2, asOf: Now.AddDays(-20))));
    }

    [Fact]
    public void Slots_freed_by_withdrawals_are_reused_without_mixing_up_candidates()
    {
        using var index = Index(Enumerable.Range(1, 50).Select(n => Candidate(n, ["5223"])));
        for (var n = 1; n <= 50; n += 2)
        {
            index.Withdraw(Id(n), Now.AddMinutes(1));
        }

        for (var n = 101; n <= 125; n++)
        {
            index.Upsert(Candidate(n, ["7212"], asOf: Now.AddMinutes(2)));
        }

        var engine = Matcher(index, new() { TopN = 100 });
        Assert.Equal(50, index.Count);
        Assert.Equal(Enumerable.Range(1, 50).Where(n => n % 2 == 0).Select(Id), engine.Match(Vacancy("5223")).Where(m => m.Score > 0.9).Select(m => m.CandidateId));
        Assert.Equal(Enumerable.Range(101, 25).Select(Id), engine.Match(Vacancy("7212")).Where(m => m.Score > 0.9).Select(m => m.CandidateId));
    }

    [Fact]
    public void A_candidate_without_an_id_is_refused()
        => Assert.Throws<ArgumentException>(() => new CandidateIndex().Upsert(Candidate(1) with { CandidateId = Guid.Empty }));
}
