using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Candidates.Import;

/// <summary>
/// Reads the candidate cells a case system or Excel produces: target groups and education levels by the
/// labels the candidate pages show (their display names, Danish or English, from the one place the pages
/// take them: <see cref="Refusals.DisplayName"/>), by their English names (as in GraphQL or C#), or by the
/// jobcenter's short words below; any case, spaces, hyphens, underscores and dots ignored. Lists are
/// ";"-separated. Dates and yes/no cells are read as the company import reads them.
/// </summary>
public static class CandidateImportValues
{
    // The case systems' short words, on top of the labels: what exports and consultants have written so far.
    private static readonly Dictionary<string, TargetGroup> TargetGroups = Names(new Dictionary<TargetGroup, string[]>
    {
        [TargetGroup.InsuredUnemployed] = ["dagpenge", "forsikret ledig"],
        [TargetGroup.JobReadySocialAssistance] = ["jobparat", "jobparat kontanthjælp"],
        [TargetGroup.ActivityReadySocialAssistance] = ["aktivitetsparat", "aktivitetsparat kontanthjælp"],
        [TargetGroup.EducationBenefit] = ["uddannelseshjælp"],
        [TargetGroup.SicknessBenefit] = ["sygedagpenge"],
        [TargetGroup.FlexJobSeeker] = ["ledighedsydelse", "fleksjobvisiteret"],
        [TargetGroup.ResourceProgramme] = ["ressourceforløb"],
        [TargetGroup.Integration] = ["integrationsydelse"],
        [TargetGroup.NewGraduate] = ["dimittend", "dimittender"],
    });

    private static readonly Dictionary<string, EducationLevel> EducationLevels = Names(new Dictionary<EducationLevel, string[]>
    {
        [EducationLevel.Primary] = ["grundskole"],
        [EducationLevel.UpperSecondary] = ["gymnasial"],
        [EducationLevel.Vocational] = ["erhvervsfaglig"],
        [EducationLevel.ShortCycleHigher] = ["kort videregående"],
        [EducationLevel.Bachelor] = ["mellemlang videregående"],
        [EducationLevel.MasterOrHigher] = ["lang videregående"],
    });

    public static bool TryTargetGroup(string cell, out TargetGroup value, out RefusalText reason)
    {
        reason = RefusalText.Of("Candidates.Import.NotATargetGroup", ("value", cell), ("accepted", RefusalList.AnyOf(Enum.GetValues<TargetGroup>())));
        return TargetGroups.TryGetValue(CandidateImportColumns.Normalise(cell), out value);
    }

    public static bool TryEducationLevel(string cell, out EducationLevel value, out RefusalText reason)
    {
        reason = RefusalText.Of("Candidates.Import.NotAnEducationLevel", ("value", cell), ("accepted", RefusalList.AnyOf(Enum.GetValues<EducationLevel>())));
        return EducationLevels.TryGetValue(CandidateImportColumns.Normalise(cell), out value);
    }

    /// <summary>A ";"-separated list; blank entries (e.g. after a trailing ";") are dropped.</summary>
    public static IReadOnlyList<string> List(string cell) => cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every name a value is read by; a name two values share would be a bug, and fails at start-up.</summary>
    private static Dictionary<string, T> Names<T>(Dictionary<T, string[]> shortWords)
        where T : struct, Enum
        => Enum.GetValues<T>()
            .SelectMany(value => shortWords.GetValueOrDefault(value, [])
                .Append(value.ToString())
                .Append(Refusals.DisplayName(value, Refusals.Danish))
                .Append(Refusals.DisplayName(value, Refusals.English))
                .Select(name => (Key: CandidateImportColumns.Normalise(name), Value: value)))
            .Distinct()
            .ToDictionary(x => x.Key, x => x.Value);
}
