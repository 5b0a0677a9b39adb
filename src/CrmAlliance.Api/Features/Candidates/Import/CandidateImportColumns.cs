using CrmAlliance.Api.Infrastructure.Csv;

namespace CrmAlliance.Api.Features.Candidates.Import;

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

    public static readonly IReadOnlyList<CsvImportColumn> All =
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

    /// <summary>How the header and the lines are read (the shared CSV import rules).</summary>
    public static readonly CsvImportLayout Layout = new(All);

    /// <summary>Where the column stands in <see cref="All"/>, to report a line's errors in column order (<see cref="Line"/> first).</summary>
    public static int Position(string field) => Layout.Position(field);

    public static string Normalise(string heading) => CsvImportLayout.Normalise(heading);
}
