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
        var problems = new List<RefusalText>();
        if (headcountLastMonth < averageHeadcount)
        {
            problems.Add(RefusalText.Of(
                "Placements.AdditionalEmployment.HeadcountBelowAverage",
                ("headcount", headcountLastMonth),
                ("months", rule.HeadcountLookbackMonths),
                ("average", averageHeadcount)));
        }

        if (!noDismissalWithinPeriod)
        {
            problems.Add(RefusalText.Of("Placements.AdditionalEmployment.Dismissal", ("months", rule.NoDismissalWithinMonths)));
        }

        if (problems.Count > 0)
        {
            throw new RuleViolationException(
                PlacementRuleNames.AdditionalEmployment,
                RefusalText.Of("Placements.AdditionalEmployment", ("problems", RefusalList.AllOf(problems)), ("exemption", PlacementRule.AdditionalEmployment)));
        }
    }
}
