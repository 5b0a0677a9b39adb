using System.Globalization;
using CrmAlliance.Api.Core;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>
/// Merbeskæftigelse: a wage-subsidy post must be additional employment. The ordinary headcount last month
/// must be at least the average of the previous 12 months, and the post must not have been vacated by a
/// dismissal within the previous 3 months.
/// </summary>
public sealed class AdditionalEmploymentRule(IOptions<PlacementRulesOptions> options)
{
    public void Enforce(int headcountLastMonth, decimal averageHeadcount, bool noDismissalWithinPeriod)
    {
        var rule = options.Value.AdditionalEmployment;
        var problems = new List<string>();
        if (headcountLastMonth < averageHeadcount)
        {
            problems.Add(
                $"the ordinary headcount last month ({headcountLastMonth}) is below the average of the previous {rule.HeadcountLookbackMonths} months " +
                $"({averageHeadcount.ToString("0.##", CultureInfo.InvariantCulture)})");
        }

        if (!noDismissalWithinPeriod)
        {
            problems.Add($"the post was vacated by a dismissal within the previous {rule.NoDismissalWithinMonths} months");
        }

        if (problems.Count > 0)
        {
            throw new RuleViolationException(
                PlacementRuleNames.AdditionalEmployment,
                $"a wage subsidy must be additional employment, but {string.Join(" and ", problems)}. A consultant may record an AdditionalEmployment exemption with a reason.");
        }
    }
}
