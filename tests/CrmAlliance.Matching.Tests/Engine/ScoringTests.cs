using CrmAlliance.Contracts;
using CrmAlliance.Matching.Engine;
using static CrmAlliance.Matching.Tests.Engine.Pools;

namespace CrmAlliance.Matching.Tests.Engine;

/// <summary>
/// Hand-checked rankings with the default options: weights occupation 0.40, skills 0.30, distance 0.15,
/// availability 0.15; occupation part 1 / 0.95 / 0.90 / 0.60 / 0.35 / 0.15 / 0 for 6 / 5 / 4 / 3 / 2 / 1 / 0 shared
/// digits; distance part 1 up to 10 km, then linear to 0 at 80 km; availability linear to 0 at 90 days late.
/// </summary>
public sealed class ScoringTests
{
    [Fact]
    public void Deeper_shared_occupation_levels_rank_higher_and_the_best_of_the_sought_occupations_counts()
    {
        // No skills required (skills part 1), everyone at the workplace's postcode (distance 1) and available
        // (availability 1): only the occupation part differs, so score = 0.4 × occupation part + 0.6.
        var pool = new[]
        {
            Candidate(1, ["9112"]),             // nothing shared: 0.6
            Candidate(2, ["5311"]),             // major group 5: 0.4 × 0.15 + 0.6 = 0.66
            Candidate(3, ["5222"]),             // minor group 522: 0.4 × 0.60 + 0.6 = 0.84
            Candidate(4, ["522320"]),           // unit group 5223: 0.4 × 0.90 + 0.6 = 0.96
            Candidate(5, ["9112", "5223"]),     // best of its two: unit group 5223, 0.96; ties with 4, loses on id
            Candidate(6, ["522310"]),           // the same six-digit occupation: 1.0
            Candidate(7, ["52231"]),            // five digits shared: 0.4 × 0.95 + 0.6 = 0.98
        };

        var matches = Match(pool, Vacancy("522310"));

        Assert.Equal([Id(6), Id(7), Id(4), Id(5), Id(3), Id(2), Id(1)], matches.Select(m => m.CandidateId));
        Assert.Equal([1.0, 0.98, 0.96, 0.96, 0.84, 0.66, 0.6], matches.Select(m => m.Score));
        Assert.Equal(
            [
                "same occupation 522310; no skills required; same postcode; available",
                "same occupation 52231; no skills required; same postcode; available",
                "same occupation group 5223; no skills required; same postcode; available",
                "same occupation group 5223; no skills required; same postcode; available",
                "same minor group 522; no skills required; same postcode; available",
                "same major group 5; no skills required; same postcode; available",
                "no shared occupation group; no skills required; same postcode; available",
            ],
            matches.Select(m => m.Explanation));
    }

    [Fact]
    public void Skills_outweigh_a_short_distance_but_one_skill_does_not_outweigh_seventy_km()
    {
        // Vacancy 5223 at 9000 Aalborg requiring 5 skills; all three candidates seek 5223 and are available.
        string[] required = ["kasse", "kundeservice", "truckcertifikat", "kørekort B", "engelsk"];
        var pool = new[]
        {
            // 4 of 5 skills, 9380 Vestbjerg 11.95 km away: distance part 1 − 1.95/70 = 0.9722.
            // 0.4×0.9 + 0.3×0.8 + 0.15×0.9722 + 0.15 = 0.8958
            Candidate(1, skills: ["kasse", "kundeservice", "truckcertifikat", "kørekort B"], postcode: "9380"),
            // 1 of 5 skills, same postcode: 0.36 + 0.3×0.2 + 0.15 + 0.15 = 0.72
            Candidate(2, skills: ["kasse"]),
            // 5 of 5 skills, 9800 Hjørring 79.24 km away: distance part 1 − 69.24/70 = 0.0109.
            // 0.36 + 0.3 + 0.15×0.0109 + 0.15 = 0.8116
            Candidate(3, skills: required, postcode: "9800"),
        };

        var matches = Match(pool, Vacancy("5223", required));

        // 1 beats 3: one skill less costs 0.06, 67 km more costs 0.144. 3 beats 2: four skills more gain 0.24,
        // 79 km cost 0.148.
        Assert.Equal([Id(1), Id(3), Id(2)], matches.Select(m => m.CandidateId));
        Assert.Equal([0.8958, 0.8116, 0.72], matches.Select(m => m.Score));
        Assert.Equal("same occupation group 5223; 4 of 5 skills; 12 km; available", matches[0].Explanation);
        Assert.Equal("same occupation group 5223; 5 of 5 skills; 79 km; available", matches[1].Explanation);
        Assert.Equal("same occupation group 5223; 1 of 5 skills; same postcode; available", matches[2].Explanation);
    }

    [Fact]
    public void The_facts_of_the_explanation_travel_with_the_match_so_the_Api_can_say_them_in_Danish()
    {
        // 4 of 5 skills at 9380 Vestbjerg, 11.95 km from the workplace at 9000; available two weeks after the start.
        string[] required = ["kasse", "kundeservice", "truckcertifikat", "kørekort B", "engelsk"];
        var pool = new[] { Candidate(1, occupations: ["522310"], skills: ["kasse", "kundeservice", "truckcertifikat", "kørekort B"], postcode: "9380", availableFrom: Start.AddDays(14)) };

        var match = Match(pool, Vacancy("522390", required)).Single();

        Assert.Equal("same occupation group 5223; 4 of 5 skills; 12 km; available from 15 Dec", match.Explanation);
        var reasons = Assert.IsType<MatchReasons>(match.Reasons);
        Assert.Equal(("522390", 4, 4, 5), (reasons.VacancyOccupation, reasons.SharedOccupationLevel, reasons.MatchedSkills, reasons.RequiredSkills));
        Assert.Equal(("9000", true, "9380"), (reasons.WorkplacePostcode, reasons.WorkplacePostcodeKnown, reasons.CandidatePostcode));
        Assert.Equal(11.95, reasons.DistanceKm!.Value, 0.05);
        Assert.Equal((Start.AddDays(14), Start), (reasons.AvailableFrom, reasons.VacancyStart));
    }

    [Fact]
    public void Skills_match_trimmed_and_ignoring_case_and_a_skill_listed_twice_counts_once()
    {
        var pool = new[] { Candidate(1, skills: ["truckcertifikat ", "KØREKORT b", "Truckcertifikat"]) };

        var matches = Match(pool, Vacancy("5223", [" Truckcertifikat", "kørekort B", "truckcertifikat", "svejsning"]));

        Assert.Equal("same occupation group 5223; 2 of 3 skills; same postcode; available", Assert.Single(matches).Explanation);
        Assert.Equal(0.86, Assert.Single(matches).Score); // 0.36 + 0.3 × 2/3 + 0.15 + 0.15
    }

    [Fact]
    public void Availability_after_the_start_date_decays_and_the_explanation_gives_the_date()
    {
        var pool = new[]
        {
            Candidate(1, availableFrom: Start),                   // on the start date: available, 0.96
            Candidate(2, availableFrom: Start.AddDays(13)),       // 14 Dec, 13 days late: 0.15 × (1 − 13/90) → 0.9383
            Candidate(3, availableFrom: new DateOnly(2027, 3, 15)), // 104 days late: availability part 0 → 0.81
        };

        var matches = Match(pool, Vacancy("5223"));

        Assert.Equal([Id(1), Id(2), Id(3)], matches.Select(m => m.CandidateId));
        Assert.Equal([0.96, 0.9383, 0.81], matches.Select(m => m.Score));
        Assert.Equal(
            [
                "same occupation group 5223; no skills required; same postcode; available",
                "same occupation group 5223; no skills required; same postcode; available from 14 Dec",
                "same occupation group 5223; no skills required; same postcode; available from 15 Mar 2027",
            ],
            matches.Select(m => m.Explanation));
    }

    [Fact]
    public void An_unknown_postcode_scores_a_neutral_distance_and_says_so()
    {
        var pool = new[]
        {
            Candidate(1, postcode: "9400"),   // Nørresundby 6.5 km: within 10 km, full distance part, 0.96
            Candidate(2, postcode: "0000"),   // not a postcode: neutral 0.5 → 0.36 + 0.3 + 0.075 + 0.15 = 0.885
            Candidate(3, postcode: "9850"),   // a postcode without a usable centre: also neutral, 0.885
            Candidate(4, postcode: "9800"),   // Hjørring 79 km: distance part 0.0109 → 0.8116, below neutral
        };

        var matches = Match(pool, Vacancy("5223"));

        Assert.Equal([Id(1), Id(2), Id(3), Id(4)], matches.Select(m => m.CandidateId));
        Assert.Equal([0.96, 0.885, 0.885, 0.8116], matches.Select(m => m.Score));
        Assert.Equal("same occupation group 5223; no skills required; 7 km; available", matches[0].Explanation);
        Assert.Equal("same occupation group 5223; no skills required; distance unknown (postcode 0000); available", matches[1].Explanation);
        Assert.Equal("same occupation group 5223; no skills required; distance unknown (postcode 9850); available", matches[2].Explanation);
    }

    [Fact]
    public void A_workplace_without_a_known_postcode_gives_everyone_the_neutral_distance()
    {
        var pool = new[] { Candidate(1, postcode: "9000"), Candidate(2, postcode: "9800") };

        var matches = Match(pool, Vacancy("5223", postcode: "0000"));

        Assert.Equal([Id(1), Id(2)], matches.Select(m => m.CandidateId));
        Assert.All(matches, m => Assert.Equal(0.885, m.Score));
        Assert.Equal("same occupation group 5223; no skills required; distance unknown (workplace postcode 0000); available", matches[1].Explanation);
    }

    [Fact]
    public void Candidates_below_the_minimum_score_are_not_proposed()
    {
        // Nothing shared, none of the 2 skills: at most 0.15 + 0.15 = 0.30, below the default minimum 0.35.
        // The same candidate with 1 of 2 skills scores 0.45 and is proposed.
        var pool = new[]
        {
            Candidate(1, ["9112"], ["rengøring"]),
            Candidate(2, ["9112"], ["kasse"]),
        };

        var matches = Match(pool, Vacancy("5223", ["kasse", "kundeservice"]));

        var match = Assert.Single(matches);
        Assert.Equal(Id(2), match.CandidateId);
        Assert.Equal(0.45, match.Score);
        Assert.Equal("no shared occupation group; 1 of 2 skills; same postcode; available", match.Explanation);
    }

    [Fact]
    public void Only_the_top_n_are_returned_and_equal_scores_are_ordered_by_candidate_id()
    {
        var pool = Enumerable.Range(1, 30).Reverse().Select(n => Candidate(n)).ToList();

        var matches = Match(pool, Vacancy("5223"), new MatchingOptions { TopN = 5 });

        Assert.Equal(Enumerable.Range(1, 5).Select(Id), matches.Select(m => m.CandidateId));
        Assert.All(matches, m => Assert.Equal(0.96, m.Score));
    }

    [Fact]
    public void Weights_from_options_change_the_ranking()
    {
        string[] required = ["kasse", "kundeservice"];
        var pool = new[] { Candidate(1, skills: ["kasse"]), Candidate(2, skills: required, postcode: "9800") };

        var byDefault = Match(pool, Vacancy("5223", required));
        var skillsOnly = Match(pool, Vacancy("5223", required), new MatchingOptions { OccupationWeight = 0, DistanceWeight = 0, AvailabilityWeight = 0 });

        // Default: 1 (near, 1 of 2 skills) → 0.36 + 0.15 + 0.15 + 0.15 = 0.81; 2 (79 km, 2 of 2) → 0.36 + 0.3 + 0.0016 + 0.15
        // = 0.8116. Weighing only skills: 2 → 1.0, 1 → 0.5.
        Assert.Equal([Id(2), Id(1)], byDefault.Select(m => m.CandidateId));
        Assert.Equal([0.8116, 0.81], byDefault.Select(m => m.Score));
        Assert.Equal([1.0, 0.5], skillsOnly.Select(m => m.Score));
    }
}
