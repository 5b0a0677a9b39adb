using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>
/// Internships last at most 4, 8 or 13 weeks depending on the candidate; wage subsidy at most 6 months
/// at a private employer and 4 at a public one. Other offer kinds have no maximum.
/// </summary>
public sealed class MaximumDurationRule(IOptions<PlacementRulesOptions> options)
{
    /// <summary>The maximum internship length in weeks for a candidate.</summary>
    public int InternshipMaxWeeks(TargetGroup targetGroup, bool hasWorkExperience)
    {
        var internship = options.Value.Internship;
        var weeks = internship.WeeksByTargetGroup.TryGetValue(targetGroup, out var forGroup) ? forGroup : internship.DefaultWeeks;
        return hasWorkExperience ? weeks : Math.Max(weeks, internship.WithoutWorkExperienceWeeks);
    }

    /// <summary>The last day a placement starting on <paramref name="start"/> may run to, or null when there is no maximum.</summary>
    public DateOnly? LastAllowedDay(OfferKind kind, TargetGroup targetGroup, bool hasWorkExperience, Sector sector, DateOnly start) => kind switch
    {
        OfferKind.Internship => start.AddDays((InternshipMaxWeeks(targetGroup, hasWorkExperience) * 7) - 1),
        OfferKind.WageSubsidy => start.AddMonths(options.Value.WageSubsidy.MaxMonths(sector)).AddDays(-1),
        _ => null,
    };

    /// <summary>Refuses a placement planned beyond its maximum; otherwise says why the rule holds.</summary>
    public RefusalText Enforce(OfferKind kind, TargetGroup targetGroup, bool hasWorkExperience, Sector sector, DatePeriod planned)
    {
        if (LastAllowedDay(kind, targetGroup, hasWorkExperience, sector, planned.Start) is not { } lastDay)
        {
            return RefusalText.Of("Placements.Holds.NoMaximumDuration", ("kind", kind));
        }

        if (planned.End <= lastDay)
        {
            return RefusalText.Of("Placements.Holds.WithinMaximumDuration", ("end", planned.End), ("lastDay", lastDay));
        }

        var limit = kind == OfferKind.Internship
            ? RefusalText.Of(
                hasWorkExperience ? "Placements.MaximumDuration.Internship" : "Placements.MaximumDuration.InternshipWithoutExperience",
                ("targetGroup", targetGroup),
                ("weeks", InternshipMaxWeeks(targetGroup, hasWorkExperience)))
            : RefusalText.Of("Placements.MaximumDuration.WageSubsidy", ("sector", sector), ("months", options.Value.WageSubsidy.MaxMonths(sector)));
        throw new RuleViolationException(
            PlacementRuleNames.MaximumDuration,
            RefusalText.Of(
                "Placements.MaximumDuration",
                ("limit", limit),
                ("start", planned.Start),
                ("lastDay", lastDay),
                ("end", planned.End),
                ("days", planned.Days),
                ("exemption", PlacementRule.MaximumDuration)),
            "input.plannedEnd");
    }
}
