using CrmAlliance.Api.Features.Placements.Rules;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Placements;

/// <summary>One placement that takes a workplace's internship/wage-subsidy place under the ratio rule, over its period.</summary>
public sealed class CountedPlace
{
    public Guid PlacementId { get; init; }

    public Guid CompanyId { get; init; }

    public Guid WorkplaceId { get; init; }

    public DateOnly Start { get; init; }

    public DateOnly End { get; init; }
}

public static class CountedPlacesQuery
{
    /// <summary>
    /// What the <see cref="RatioRule"/> counts: approved and active internships and wage subsidies overlapping
    /// <paramref name="period"/>, of candidates who are employed (resource-programme participants are not); an
    /// active placement counts from its actual start. Exempt placements count too: they still take a place. One
    /// definition for the rule check and for the free places shown to people.
    /// </summary>
    public static IQueryable<CountedPlace> CountedPlaces(this CrmDbContext db, DatePeriod period)
    {
        var (first, last) = (period.Start, period.End);
        return from p in db.Placements
               join c in db.Candidates on p.CandidateId equals c.Id
               where (p.Status == PlacementStatus.Approved || p.Status == PlacementStatus.Active)
                     && (p.OfferKind == OfferKind.Internship || p.OfferKind == OfferKind.WageSubsidy)
                     && c.TargetGroup != TargetGroup.ResourceProgramme
                     && (p.ActualStart ?? p.PlannedStart) <= last
                     && p.PlannedEnd >= first
               select new CountedPlace { PlacementId = p.Id, CompanyId = p.CompanyId, WorkplaceId = p.WorkplaceId, Start = p.ActualStart ?? p.PlannedStart, End = p.PlannedEnd };
    }
}
