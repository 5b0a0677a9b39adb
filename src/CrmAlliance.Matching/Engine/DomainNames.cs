namespace CrmAlliance.Matching.Engine;

/// <summary>
/// The names the contracts carry for the core's enums (CrmAlliance.Api/Features/DomainEnums.cs). Matching
/// cannot reference the Api, so the names are copied here; options are validated against them so that a
/// typo in configuration is caught at start, not silently ignored.
/// </summary>
public static class DomainNames
{
    public static IReadOnlyList<string> TargetGroups { get; } =
    [
        "InsuredUnemployed",
        "JobReadySocialAssistance",
        "ActivityReadySocialAssistance",
        "EducationBenefit",
        "SicknessBenefit",
        "FlexJobSeeker",
        "ResourceProgramme",
        "Integration",
        "NewGraduate",
    ];

    public static IReadOnlyList<string> OfferKinds { get; } =
    [
        "OrdinaryJob",
        "Internship",
        "WageSubsidy",
        "AdultApprenticeship",
        "FlexJob",
        "Mentor",
    ];
}
