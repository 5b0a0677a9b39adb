using System.Buffers;
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
    private readonly List<int> _requiredSkillIds = [];
    private readonly ulong[] _requiredSkillBits;
    private int _considered;
    private int _scored;

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
                _requiredSkillIds.Add(id);
            }
        }

        // A required skill no candidate has is left out: it cannot be matched.
        _requiredSkillBits = [.. _requiredSkillIds.Select(CandidateSlot.SkillBit)];
    }

    /// <summary>Visits candidates closest occupation first and stops once no later tier can change the top N.</summary>
    public void ByTiers()
    {
        var codesByLevel = CodesByLevel();
        var slots = _index.Slots;
        var eligible = _eligible;
        for (var level = _vacancy.Depth; level >= 1; level--)
        {
            if (CannotImprove(level))
            {
                return;
            }

            var occupation = _scoring.Occupation(level);
            foreach (var code in codesByLevel[level])
            {
                ref readonly var list = ref _index.SlotsByOccupation[code];
                var listSlots = list.Slots;
                var listFacts = list.Facts;
                for (var i = 0; i < listSlots.Length; i++)
                {
                    // The bound reads only the facts in the list; the slot's term array is read for the few that
                    // pass. A candidate seeking several codes at this level is scored once, under the first of them;
                    // one seeking a closer code was scored in an earlier tier.
                    var slot = listSlots[i];
                    ref readonly var candidate = ref listFacts[i];
                    if (eligible[candidate.TargetGroup]
                        && MightEnter(candidate, occupation, out var distance, out var availability)
                        && IsFirstCodeAtBestLevel(slot, candidate.OccupationCount, code, level))
                    {
                        Score(slot, occupation, distance, availability);
                    }
                }
            }
        }

        if (CannotImprove(0))
        {
            return;
        }

        // Everyone else shares not even the major group (their mask shows no major group in common).
        var seeksSameMajorGroup = _vacancy.Depth >= 1 ? 1 << (_vacancy.OccupationCode[0] - '0') : 0;
        var noOccupation = _scoring.Occupation(0);
        if (_requiredSkills > 0 && !MightEnter(_scoring.Total(noOccupation, 0.0, 1.0, 1.0)))
        {
            // Without a required skill none of them can get in: visit only those having one.
            NoSharedGroupWithARequiredSkill(seeksSameMajorGroup, noOccupation);
            return;
        }

        // One pass over the packed slots.
        for (var slot = 0; slot < _index.SlotCount; slot++)
        {
            ref readonly var candidate = ref slots[slot];
            if (candidate.TargetGroup < eligible.Length
                && eligible[candidate.TargetGroup]
                && (candidate.MajorGroups & seeksSameMajorGroup) == 0
                && MightEnter(candidate, noOccupation, out var distance, out var availability))
            {
                Score(slot, noOccupation, distance, availability);
            }
        }
    }

    /// <summary>Scores every eligible candidate, no bounds: the reference the tiers must agree with.</summary>
    public void Everyone()
    {
        var slots = _index.Slots;
        for (var slot = 0; slot < _index.SlotCount; slot++)
        {
            ref readonly var candidate = ref slots[slot];
            if (candidate.TargetGroup < _eligible.Length && _eligible[candidate.TargetGroup])
            {
                _considered++;
                Score(slot, _scoring.Occupation(BestLevel(slot)), _distanceScores[candidate.Postcode], _scoring.Availability(candidate.AvailableFromDay - _vacancy.StartDay));
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
            var facts = Facts(slot);
            matches[i] = new CandidateMatch(id, score, MatchScoring.Explain(facts), facts.ToReasons());
        }

        return matches;
    }

    /// <summary>Candidates whose bound was checked (eligible, in a tier searched), and of those, fully scored.</summary>
    public SearchCounts Counts => new(_considered, _scored);

    /// <summary>True when no candidate at this level or below can enter the top N (or reach the minimum score).</summary>
    private bool CannotImprove(int level)
        => !MightEnter(_scoring.Total(_scoring.OccupationAtMost(level), 1.0, 1.0, 1.0));

    private void NoSharedGroupWithARequiredSkill(int seeksSameMajorGroup, double noOccupation)
    {
        var slots = _index.Slots;
        var visited = ArrayPool<ulong>.Shared.Rent((_index.SlotCount + 63) / 64);
        try
        {
            Array.Clear(visited, 0, (_index.SlotCount + 63) / 64);
            foreach (var skill in _requiredSkillIds)
            {
                foreach (var slot in _index.SlotsBySkill[skill].Slots)
                {
                    ref readonly var candidate = ref slots[slot];
                    if (!_eligible[candidate.TargetGroup] || (candidate.MajorGroups & seeksSameMajorGroup) != 0)
                    {
                        continue;
                    }

                    // A candidate with several required skills is in several lists: visit it once.
                    ref var word = ref visited[slot >> 6];
                    var bit = 1UL << (slot & 63);
                    if ((word & bit) == 0)
                    {
                        word |= bit;
                        if (MightEnter(candidate, noOccupation, out var distance, out var availability))
                        {
                            Score(slot, noOccupation, distance, availability);
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(visited);
        }
    }

    /// <summary>Whether a candidate whose score is at most <paramref name="bound"/> could still enter the top N.</summary>
    private bool MightEnter(double bound) => bound >= _scoring.MinimumScore && (!_top.IsFull || bound >= _top.WorstScore);

    /// <summary>
    /// Whether the candidate could enter the top N: its score with all the required skills it could have (those its
    /// skill signature does not rule out, and no more than it has) is not below the N-th best (equal may still win on
    /// id) nor below the minimum.
    /// </summary>
    private bool MightEnter(in CandidateSlot candidate, double occupation, out double distance, out double availability)
    {
        _considered++;
        distance = _distanceScores[candidate.Postcode];
        availability = _scoring.Availability(candidate.AvailableFromDay - _vacancy.StartDay);
        var skillsAtMost = _requiredSkills == 0 ? 1.0 : Math.Min(candidate.SkillCount, SkillsPossiblyMatched(candidate.SkillMask)) / (double)_requiredSkills;
        return MightEnter(_scoring.Total(occupation, skillsAtMost, distance, availability));
    }

    /// <summary>How many required skills the candidate may have: those whose bit is in its signature (at least those it has).</summary>
    private int SkillsPossiblyMatched(ulong candidateMask)
    {
        var possibly = 0;
        foreach (var bit in _requiredSkillBits)
        {
            if ((candidateMask & bit) != 0)
            {
                possibly++;
            }
        }

        return possibly;
    }

    private void Score(int slot, double occupation, double distance, double availability)
    {
        if (MatchScoring.IsBusy(_index.BusyUntilDay[slot], _vacancy.StartDay))
        {
            return;
        }

        _scored++;
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
        for (int i = _index.Slots[slot].OccupationCount; i < terms.Length; i++)
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
        for (var i = 0; i < _index.Slots[slot].OccupationCount; i++)
        {
            best = Math.Max(best, _levels[terms[i]]);
        }

        return best;
    }

    private bool IsFirstCodeAtBestLevel(int slot, int occupationCount, int code, int level)
    {
        if (occupationCount == 1)
        {
            return true; // the code whose list holds the slot is its only one: no need to read its terms
        }

        var terms = _index.Terms[slot];
        var firstAtLevel = -1;
        for (var i = 0; i < occupationCount; i++)
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
        var postcode = _index.PostcodeNames[_index.Slots[slot].Postcode];
        return new MatchFacts(
            _vacancy.OccupationCode,
            BestLevel(slot),
            MatchedSkills(slot),
            _requiredSkills,
            _vacancy.WorkplacePostcode,
            _vacancy.WorkplaceCentre >= 0,
            postcode,
            _vacancy.Centres.DistanceKm(_vacancy.WorkplacePostcode, postcode),
            DateOnly.FromDayNumber(_index.Slots[slot].AvailableFromDay),
            _vacancy.Vacancy.StartDate);
    }
}

/// <summary>How much of the pool one match looked at: for benchmarks and tests of the pruning.</summary>
internal readonly record struct SearchCounts(int Considered, int Scored);
