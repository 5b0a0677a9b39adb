using CrmAlliance.Api.Core;
using Microsoft.Extensions.Options;

namespace CrmAlliance.Api.Features.Placements.Rules;

/// <summary>
/// Rimelighedskrav: people in internship and wage subsidy together, at one workplace at the same time,
/// may be at most 1 per 5 ordinary employees up to 50 (always at least 1) plus 1 per 10 beyond.
/// Pure: the caller supplies the periods of the placements that count.
/// </summary>
public sealed class RatioRule(IOptions<PlacementRulesOptions> options)
{
    private RatioRuleOptions Ratio => options.Value.Ratio;

    /// <summary>How many internship and wage-subsidy places a workplace with this many ordinary employees may host.</summary>
    public int AllowedPlaces(int ordinaryEmployees)
    {
        var employees = Math.Max(0, ordinaryEmployees);
        var upToLimit = Math.Min(employees, Ratio.SmallWorkplaceLimit) / Ratio.EmployeesPerPlace;
        var beyondLimit = Math.Max(0, employees - Ratio.SmallWorkplaceLimit) / Ratio.EmployeesPerPlaceBeyondLimit;
        return Math.Max(Ratio.MinimumPlaces, upToLimit) + beyondLimit;
    }

    /// <summary>
    /// The most placements present on any one day of <paramref name="within"/>. The rule limits people
    /// present at the same time, so two placements that follow each other occupy one place, not two.
    /// </summary>
    public static int PeakOccupancy(IEnumerable<DatePeriod> periods, DatePeriod within)
    {
        var changes = new List<(int Day, int Delta)>();
        foreach (var period in periods.Where(p => p.Overlaps(within)))
        {
            changes.Add((Math.Max(period.Start.DayNumber, within.Start.DayNumber), +1));
            changes.Add((Math.Min(period.End.DayNumber, within.End.DayNumber) + 1, -1));
        }

        var present = 0;
        var peak = 0;
        foreach (var (_, delta) in changes.OrderBy(c => c.Day).ThenBy(c => c.Delta))
        {
            present += delta;
            peak = Math.Max(peak, present);
        }

        return peak;
    }

    /// <summary>
    /// Refuses a placement in <paramref name="period"/> when the places already taken then leave none free.
    /// A placement that does not count (a resource-programme participant is not employed) is never refused.
    /// </summary>
    /// <returns>Why the rule holds: a place is free, or the placement takes none.</returns>
    public RefusalText Enforce(string pNumber, int ordinaryEmployees, IEnumerable<DatePeriod> countedPlacements, DatePeriod period, bool placementCounts)
    {
        if (!placementCounts)
        {
            return RefusalText.Of("Placements.Holds.RatioTakesNoPlace");
        }

        var allowed = AllowedPlaces(ordinaryEmployees);
        var taken = PeakOccupancy(countedPlacements, period);
        if (taken + 1 > allowed)
        {
            throw new RuleViolationException(
                PlacementRuleNames.Ratio,
                RefusalText.Of("Placements.Ratio", ("taken", taken), ("allowed", allowed), ("ordinaryEmployees", ordinaryEmployees)),
                details: RefusalText.Of(
                    Ratio.CountingBasis == HeadcountBasis.Persons ? "Placements.Ratio.Details" : "Placements.Ratio.DetailsFullTime",
                    ("pNumber", pNumber),
                    ("period", period.Text),
                    ("perPlace", Ratio.EmployeesPerPlace),
                    ("limit", Ratio.SmallWorkplaceLimit),
                    ("minimum", Ratio.MinimumPlaces),
                    ("perPlaceBeyond", Ratio.EmployeesPerPlaceBeyondLimit),
                    ("exemption", PlacementRule.RatioRule)));
        }

        return RefusalText.Of("Placements.Holds.RatioPlaceFree", ("pNumber", pNumber), ("taken", taken), ("allowed", allowed), ("ordinaryEmployees", ordinaryEmployees));
    }
}
