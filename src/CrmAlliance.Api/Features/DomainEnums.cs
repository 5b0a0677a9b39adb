namespace CrmAlliance.Api.Features;

/// <summary>The kinds of offer a company makes (docs/domain.md: ordinært job, virksomhedspraktik, løntilskud …).</summary>
public enum OfferKind
{
    OrdinaryJob,
    Internship,
    WageSubsidy,
    AdultApprenticeship,
    FlexJob,
    Mentor,
}

/// <summary>Målgrupper: the benefit groups candidates belong to.</summary>
public enum TargetGroup
{
    InsuredUnemployed,
    JobReadySocialAssistance,
    ActivityReadySocialAssistance,
    EducationBenefit,
    SicknessBenefit,
    FlexJobSeeker,
    ResourceProgramme,
    Integration,
    NewGraduate,
}

public static class OfferKinds
{
    /// <summary>Internship and wage subsidy: the kinds the ratio rule and the employee-representative statement apply to.</summary>
    public static bool IsSubsidisedPlacement(this OfferKind kind) => kind is OfferKind.Internship or OfferKind.WageSubsidy;
}
