using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features;

/// <summary>Free-text skill lists on vacancies and candidates: short entries, trimmed, each skill once.</summary>
public static class SkillLists
{
    public const int MaxCount = 30;
    public const int MaxLength = 100;

    /// <summary>
    /// Checks a skill list and returns it normalised: entries trimmed, case-insensitive duplicates dropped
    /// (the first spelling is kept). Matching compares skills, so "Truckcertifikat " and "truckcertifikat" are one.
    /// </summary>
    public static List<string> CheckSkills(this Validator v, IEnumerable<string?>? skills, string field)
    {
        var normalised = new List<string>();
        var position = 0;
        foreach (var raw in skills ?? [])
        {
            position++;
            var skill = raw?.Trim() ?? "";
            if (skill.Length == 0)
            {
                v.Add(field, RefusalText.Of("Skills.Blank", ("position", position)));
            }
            else if (skill.Length > MaxLength)
            {
                v.Add(field, RefusalText.Of("Skills.TooLong", ("position", position), ("length", skill.Length), ("max", MaxLength)));
            }
            else if (CprNumbers.AppearIn(skill))
            {
                v.Add(field, RefusalText.Of("Core.CprLike"));
            }
            else if (!normalised.Contains(skill, StringComparer.OrdinalIgnoreCase))
            {
                normalised.Add(skill);
            }
        }

        v.Check(normalised.Count <= MaxCount, field, RefusalText.Of("Skills.TooMany", ("count", normalised.Count), ("max", MaxCount)));

        return normalised;
    }
}
