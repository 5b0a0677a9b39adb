using CrmAlliance.Api.Features.Companies;

namespace CrmAlliance.DataGeneration;

/// <summary>What the activity steps need to know of a generated company (its rows are written already).</summary>
public sealed class CompanyPlan
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required string Section { get; init; }

    public required Sector Sector { get; init; }

    public required int Employees { get; init; }

    public required WorkplacePlan[] Workplaces { get; init; }

    public required string ConsultantId { get; init; }

    public required string LeaderName { get; init; }

    /// <summary>The employee representative who gives statements on internships and wage subsidy; null when the company has none.</summary>
    public required string? RepresentativeName { get; init; }

    public required MembershipStatus Status { get; init; }

    public required DateOnly CreatedOn { get; init; }

    public required DateOnly? JoinedOn { get; init; }

    /// <summary>The first day of activity in the generated history; null when the company has none (prospects, long gone).</summary>
    public required DateOnly? ActiveFrom { get; init; }

    /// <summary>The last day of activity; null while the membership goes on (active members).</summary>
    public required DateOnly? ActiveUntil { get; init; }

    /// <summary>How much the company does relative to others: heavy-tailed, and larger for larger companies.</summary>
    public required double Activity { get; init; }

    /// <summary>Per calendar year of the history (index 0 = the first year): a year the company offers nothing.</summary>
    public required bool[] DormantYears { get; init; }

    /// <summary>Running totals of the company's offer-kind weights, for drawing a kind.</summary>
    public required double[] OfferKindCumulative { get; init; }

    /// <summary>Internship and wage-subsidy places at all the company's workplaces together.</summary>
    public int Places => Workplaces.Sum(w => w.Places);

    public bool IsActiveOn(DateOnly day) => ActiveFrom is { } from && day >= from && (ActiveUntil is not { } until || day <= until);
}

/// <summary>A workplace and the places the ratio rule gives it, each free from a day on.</summary>
public sealed class WorkplacePlan(Guid id, int employees, decimal averageEmployees, int places)
{
    private readonly int[] freeFrom = new int[places];

    public Guid Id { get; } = id;

    public int Employees { get; } = employees;

    public decimal AverageEmployees { get; } = averageEmployees;

    /// <summary>How many internship and wage-subsidy placements the ratio rule allows at a time.</summary>
    public int Places => freeFrom.Length;

    /// <summary>Headcount below the 12-month average: no additional employment, so no wage subsidy.</summary>
    public bool Shrinking => Employees < AverageEmployees;

    /// <summary>
    /// Takes one of the ratio rule's places from <paramref name="start"/> to <paramref name="end"/> if one is free
    /// all that time. A place holds one placement after another, so at no day are more placements present than places.
    /// </summary>
    public bool TryReserve(DateOnly start, DateOnly end)
    {
        for (var i = 0; i < freeFrom.Length; i++)
        {
            if (freeFrom[i] <= start.DayNumber)
            {
                freeFrom[i] = end.DayNumber + 1;
                return true;
            }
        }

        return false;
    }
}
