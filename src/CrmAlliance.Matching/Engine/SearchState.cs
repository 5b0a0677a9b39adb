using CrmAlliance.Contracts;

namespace CrmAlliance.Matching.Engine;

/// <summary>
/// One match over the index (under its read lock): the per-vacancy tables (occupation level per code, required
/// skills as a bit set, distance part per postcode) and the tier-by-tier search of <see cref="MatchingEngine"/>.
/// </summary>
internal sealed class SearchState
{
    private readonly CandidateIndex _index;
    private readonly VacancySearch _vacancy;
    private readonly MatchScoring _scoring;
    private readonly bool[] _eligible;
    private readonly byte[] _levels;
    private readonly ulong[] _skillBits;
    private readonly double[] _distanceScores;
    private readonly int _requiredSkills;
    private readonly TopMatches _top;

    public SearchState(CandidateIndex index, VacancySearch vacancy, MatchScoring scoring, bool[] eligible, byte[] levels, ulong[] skillBits, double[] distanceScores)
    {
        _index = index;
        _vacancy = vacancy;
        _scoring = scoring;
        _eligible = eligible;
        _levels = levels;
        _skillBits = skillBits;
        _distanceScores = distanceScores;
        _requiredSkills = vacancy.RequiredSkills.Count;
        _top = new TopMatches(vacancy.TopN);

        var codes = index.OccupationCodes;
        for (var o = 0; o < codes.Count; o++)
        {
            levels[o] = (byte)DiscoCodes.SharedLevel(vacancy.OccupationCode, codes[o]);
        }

        Array.Clear(skillBits, 0, (index.SkillNames.Count + 63) / 64);
        foreach (var skill in vacancy.RequiredSkills)
        {
            // A required skill no candidate has ever had is not in the vocabulary: it still counts in "n of m".
            var id = index.SkillNames.Find(skill);
            if (id >= 0)
            {
                skillBits[id >> 6] |= 1UL << (id & 63);
            }
        }
    }

    /// <summary>Visits candidates closest occupation first and stops once no later tier can change the top N.</summary>
    public void ByTiers()
    {
        var codesByLevel = CodesByLevel();
        for (var level = _vacancy.Depth; level >= 1; level--)
        {
            if (CannotImprove(level))
            {
                return;
            }

            foreach (var code in codesByLevel[level])
            {
                foreach (var slot in _index.SlotsByOccupation[code].Slots)
                {
                    // A candidate seeking several codes at this level is scored once, under the first of them;
                    // one seeking a closer code was scored in an earlier tier.
                    if (_eligible[_index.TargetGroups[slot]] && IsFirstCodeAtBestLevel(slot, code, level))
                    {
                        Consider(slot, level, prune: true);
                    }
                }
            }
        }

        if (CannotImprove(0))
        {
            return;
        }

        // Everyone else shares not even the major group: one pass over the slot arrays, skipping those whose
        // major-group mask shows they were in a tier above.
        var seeksSameMajorGroup = _vacancy.Depth >= 1 ? 1 << (_vacancy.OccupationCode[0] - '0') : 0;
        var targetGroups = _index.TargetGroups;
        var majorGroups = _index.MajorGroups;
        var eligible = _eligible;
        for (var slot = 0; slot < _index.SlotCount; slot++)
        {
            var group = targetGroups[slot];
            if (group < eligible.Length && eligible[group] && (majorGroups[slot] & seeksSameMajorGroup) == 0)
            {
                Consider(slot, 0, prune: true);
            }
        }
    }

    /// <summary>Scores every eligible candidate: the reference the tiers must agree with.</summary>
    public void Everyone()
    {
        for (var slot = 0; slot < _index.SlotCount; slot++)
        {
            var group = _index.TargetGroups[slot];
            if (group < _eligible.Length && _eligible[group])
            {
                Consider(slot, BestLevel(slot), prune: false);
            }
        }
    }

    public CandidateMatch[] Results()
    {
        var best = _top.BestFirst();
        var matches = new CandidateMatch[best.Length];
        for (var i = 0; i < best.Length; i++)
        {
            var (score, id, slot) = best[i];
            matches[i] = new CandidateMatch(id, score, MatchScoring.Explain(Facts(slot)));
        }

        return matches;
    }

    /// <summary>True when no candidate at this level or below can enter the top N (or reach the minimum score).</summary>
    private bool CannotImprove(int level)
    {
        var bestPossible = _scoring.Total(_scoring.OccupationAtMost(level), 1.0, 1.0, 1.0);
        return bestPossible < _scoring.MinimumScore || (_top.IsFull && _top.WorstScore > bestPossible);
    }

    private void Consider(int slot, int level, bool prune)
    {
        var occupation = _scoring.Occupation(level);
        var distance = _distanceScores[_index.Postcodes[slot]];
        var availability = _scoring.Availability(_index.AvailableFromDays[slot] - _vacancy.StartDay);
        if (prune)
        {
            var skillsAtMost = _requiredSkills == 0 ? 1.0 : Math.Min(_index.SkillCounts[slot], _requiredSkills) / (double)_requiredSkills;
            var bound = _scoring.Total(occupation, skillsAtMost, distance, availability);
            if (bound < _scoring.MinimumScore || (_top.IsFull && bound < _top.WorstScore))
            {
                return;
            }
        }

        var score = _scoring.Total(occupation, MatchScoring.Skills(MatchedSkills(slot), _requiredSkills), distance, availability);
        if (score >= _scoring.MinimumScore)
        {
            _top.Offer(score, _index.Ids[slot], slot);
        }
    }

    private int MatchedSkills(int slot)
    {
        if (_requiredSkills == 0)
        {
            return 0;
        }

        var terms = _index.Terms[slot];
        var skillBits = _skillBits;
        var matched = 0;
        for (var i = _index.OccupationCounts[slot]; i < terms.Length; i++)
        {
            var id = terms[i];
            matched += (int)((skillBits[id >> 6] >> (id & 63)) & 1);
        }

        return matched;
    }

    private int BestLevel(int slot)
    {
        var terms = _index.Terms[slot];
        var best = 0;
        for (var i = 0; i < _index.OccupationCounts[slot]; i++)
        {
            best = Math.Max(best, _levels[terms[i]]);
        }

        return best;
    }

    private bool IsFirstCodeAtBestLevel(int slot, int code, int level)
    {
        var terms = _index.Terms[slot];
        var firstAtLevel = -1;
        for (var i = 0; i < _index.OccupationCounts[slot]; i++)
        {
            var codeLevel = _levels[terms[i]];
            if (codeLevel > level)
            {
                return false;
            }

            if (codeLevel == level && firstAtLevel < 0)
            {
                firstAtLevel = terms[i];
            }
        }

        return firstAtLevel == code;
    }

    /// <summary>Occupation ids grouped by the level they share with the vacancy's code (index 1 to 6).</summary>
    private List<int>[] CodesByLevel()
    {
        var byLevel = new List<int>[DiscoCodes.MaxLevel + 1];
        for (var level = 0; level < byLevel.Length; level++)
        {
            byLevel[level] = [];
        }

        for (var o = 0; o < _index.OccupationCodes.Count; o++)
        {
            if (_levels[o] > 0)
            {
                byLevel[_levels[o]].Add(o);
            }
        }

        return byLevel;
    }

    private MatchFacts Facts(int slot)
    {
        var postcode = _index.PostcodeNames[_index.Postcodes[slot]];
        return new MatchFacts(
            _vacancy.OccupationCode,
            BestLevel(slot),
            MatchedSkills(slot),
            _requiredSkills,
            _vacancy.WorkplacePostcode,
            _vacancy.WorkplaceCentre >= 0,
            postcode,
            _vacancy.Centres.DistanceKm(_vacancy.WorkplacePostcode, postcode),
            DateOnly.FromDayNumber(_index.AvailableFromDays[slot]),
            _vacancy.Vacancy.StartDate);
    }
}
