using CrmAlliance.Api.Features.Companies;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>What the workplace's <c>OrdinaryEmployees</c> figure counts; some guidance speaks of full-time persons.</summary>
public enum HeadcountBasis
{
    Persons,
    FullTimeEquivalents,
}

/// <summary>
/// The numbers behind the placement rules (docs/domain.md, "Rules the system enforces or records"), bound from
/// the configuration section <c>Rules</c>. The defaults here are the law as summarised there, so the rules
/// hold even when the section is missing; appsettings.json repeats them so operators see what to change.
/// </summary>
public sealed class PlacementRulesOptions
{
    public const string Section = "Rules";

    public RatioRuleOptions Ratio { get; set; } = new();

    public InternshipDurationOptions Internship { get; set; } = new();

    public WageSubsidyDurationOptions WageSubsidy { get; set; } = new();

    public AdditionalEmploymentOptions AdditionalEmployment { get; set; } = new();
}

/// <summary>Rimelighedskrav: 1 place per 5 ordinary employees up to 50 (at least 1), then 1 per 10.</summary>
public sealed class RatioRuleOptions
{
    public int EmployeesPerPlace { get; set; } = 5;

    /// <summary>Up to this many ordinary employees the first ratio applies; beyond it the second.</summary>
    public int SmallWorkplaceLimit { get; set; } = 50;

    public int EmployeesPerPlaceBeyondLimit { get; set; } = 10;

    public int MinimumPlaces { get; set; } = 1;

    /// <summary>
    /// What a workplace's reported ordinary headcount means. The rule compares the number as reported, so
    /// switching to full-time equivalents means reporting headcounts that way; refusals name the basis.
    /// </summary>
    public HeadcountBasis CountingBasis { get; set; } = HeadcountBasis.Persons;
}

/// <summary>
/// Maximum internship length in weeks. The law names 4 weeks for the insured unemployed and job-ready,
/// 8 for graduates and 13 for the activity-ready and those without work experience. It names no limit
/// for the other groups (education benefit, sickness benefit, flex-job seekers, resource programme,
/// integration); they get <see cref="DefaultWeeks"/> = 13, the longest limit the law names, so that no group
/// is held longer than any group the law covers.
/// </summary>
public sealed class InternshipDurationOptions
{
    public int DefaultWeeks { get; set; } = 13;

    /// <summary>Applies when the candidate has no work experience, unless the target group allows longer.</summary>
    public int WithoutWorkExperienceWeeks { get; set; } = 13;

    public Dictionary<TargetGroup, int> WeeksByTargetGroup { get; set; } = new()
    {
        [TargetGroup.InsuredUnemployed] = 4,
        [TargetGroup.JobReadySocialAssistance] = 4,
        [TargetGroup.NewGraduate] = 8,
        [TargetGroup.ActivityReadySocialAssistance] = 13,
    };
}

/// <summary>Maximum wage-subsidy length in months, by the employer's sector.</summary>
public sealed class WageSubsidyDurationOptions
{
    public int PrivateMaxMonths { get; set; } = 6;

    public int PublicMaxMonths { get; set; } = 4;

    public int MaxMonths(Sector sector) => sector == Sector.Public ? PublicMaxMonths : PrivateMaxMonths;
}

/// <summary>Merbeskæftigelse: headcount against the average of the previous months, and no recent dismissal.</summary>
public sealed class AdditionalEmploymentOptions
{
    public int HeadcountLookbackMonths { get; set; } = 12;

    public int NoDismissalWithinMonths { get; set; } = 3;
}

/// <summary>Refuses to start with numbers that would make a rule meaningless (e.g. 0 employees per place).</summary>
public sealed class PlacementRulesOptionsValidator : IValidateOptions<PlacementRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, PlacementRulesOptions options)
    {
        var failures = new List<string>();
        void Positive(int value, string key)
        {
            if (value < 1)
            {
                failures.Add($"{PlacementRulesOptions.Section}:{key} must be at least 1 (it is {value}).");
            }
        }

        Positive(options.Ratio.EmployeesPerPlace, "Ratio:EmployeesPerPlace");
        Positive(options.Ratio.SmallWorkplaceLimit, "Ratio:SmallWorkplaceLimit");
        Positive(options.Ratio.EmployeesPerPlaceBeyondLimit, "Ratio:EmployeesPerPlaceBeyondLimit");
        Positive(options.Ratio.MinimumPlaces, "Ratio:MinimumPlaces");
        Positive(options.Internship.DefaultWeeks, "Internship:DefaultWeeks");
        Positive(options.Internship.WithoutWorkExperienceWeeks, "Internship:WithoutWorkExperienceWeeks");
        foreach (var (group, weeks) in options.Internship.WeeksByTargetGroup)
        {
            Positive(weeks, $"Internship:WeeksByTargetGroup:{group}");
        }

        Positive(options.WageSubsidy.PrivateMaxMonths, "WageSubsidy:PrivateMaxMonths");
        Positive(options.WageSubsidy.PublicMaxMonths, "WageSubsidy:PublicMaxMonths");
        Positive(options.AdditionalEmployment.HeadcountLookbackMonths, "AdditionalEmployment:HeadcountLookbackMonths");
        Positive(options.AdditionalEmployment.NoDismissalWithinMonths, "AdditionalEmployment:NoDismissalWithinMonths");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
