namespace CrmAlliance.Api.Features.Candidates.Import;

/// <summary>One column of the import file: its name, a Danish heading accepted in its place, and whether the header must have it.</summary>
public sealed record CandidateImportColumn(string Name, string DanishHeading, bool Required);

/// <summary>The columns of the candidate import file, as documented in CandidateImportFormat.md.</summary>
public static class CandidateImportColumns
{
    public const string CaseReference = "caseReference";
    public const string TargetGroup = "targetGroup";
    public const string SoughtOccupations = "soughtOccupations";
    public const string Skills = "skills";
    public const string EducationLevel = "educationLevel";
    public const string HasWorkExperience = "hasWorkExperience";
    public const string Postcode = "postcode";
    public const string AvailableFrom = "availableFrom";
    public const string LastEmployerCvr = "lastEmployerCvr";

    /// <summary>The report's name for a problem with the line as a whole (more cells than the header has columns).</summary>
    public const string Line = "line";

    public static readonly IReadOnlyList<CandidateImportColumn> All =
    [
        new(CaseReference, "Sagsnummer", true),
        new(TargetGroup, "Målgruppe", true),
        new(SoughtOccupations, "Søgte stillinger", true),
        new(Skills, "Kompetencer", false),
        new(EducationLevel, "Uddannelsesniveau", true),
        new(HasWorkExperience, "Erhvervserfaring", true),
        new(Postcode, "Postnummer", true),
        new(AvailableFrom, "Til rådighed fra", true),
        new(LastEmployerCvr, "Seneste arbejdsgivers CVR", false),
    ];

    private static readonly Dictionary<string, CandidateImportColumn> ByHeading = All
        .SelectMany(c => new[] { (Key: Normalise(c.Name), Column: c), (Key: Normalise(c.DanishHeading), Column: c) })
        .ToDictionary(x => x.Key, x => x.Column);

    /// <summary>The column a heading names, ignoring case, spaces, hyphens, underscores and dots; null if unknown.</summary>
    public static CandidateImportColumn? Find(string heading) => ByHeading.GetValueOrDefault(Normalise(heading));

    /// <summary>Where the column stands in <see cref="All"/>, to report a line's errors in column order (<see cref="Line"/> first).</summary>
    public static int Position(string field)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Name == field)
            {
                return i;
            }
        }

        return -1;
    }

    public static string Normalise(string heading)
        => new(heading.Trim().ToUpperInvariant().Where(c => c is not (' ' or '-' or '_' or '.')).ToArray());
}
