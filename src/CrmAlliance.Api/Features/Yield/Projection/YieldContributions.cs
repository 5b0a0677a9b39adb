using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// What each fact adds to the cells. The incremental projection applies contributions(new) − contributions(old)
/// and the rebuild applies contributions of every fact: both use this one definition, which is why they agree.
/// All counts are monthly; quarter and year cells are sums of their months. Pledges add nothing to the cells: the
/// reports pro-rate them from the pledge facts exactly (<see cref="YieldPledgeFact.PledgedIn"/>).
/// </summary>
public sealed class YieldContributions(YieldOptions options)
{
    private readonly HashSet<string> farFromMarket = options.FarFromMarketGroups.Select(g => g.ToString()).ToHashSet();
    private readonly HashSet<string> cooperation = options.CooperationKinds.Select(k => k.ToString()).ToHashSet();
    private readonly HashSet<string> conversion = options.ConversionKinds.Select(k => k.ToString()).ToHashSet();

    /// <summary>A placement: started, days delivered per month (running ones through <paramref name="asOf"/>), ended, results, follow-ups.</summary>
    public void AddPlacement(YieldDeltas deltas, YieldPlacementFact fact, DateOnly asOf, int sign)
    {
        var started = deltas.For(fact.CompanyId, ReportPeriod.MonthKey(fact.StartedOn), fact.OfferKind, fact.TargetGroup);
        started.PlacementsStarted += sign;
        started.FarFromMarketStarted += farFromMarket.Contains(fact.TargetGroup) ? sign : 0;

        var lastDay = fact.EndedOn ?? asOf;
        for (var monthStart = new DateOnly(fact.StartedOn.Year, fact.StartedOn.Month, 1); monthStart <= lastDay; monthStart = monthStart.AddMonths(1))
        {
            var days = PlacementDays.InPeriod(fact.StartedOn, fact.EndedOn, monthStart, monthStart.AddMonths(1).AddDays(-1), asOf);
            if (days == 0)
            {
                continue;
            }

            var month = deltas.For(fact.CompanyId, ReportPeriod.MonthKey(monthStart), fact.OfferKind, fact.TargetGroup);
            month.PlacementDays += sign * days;
            month.CooperationActivity += cooperation.Contains(fact.OfferKind) ? sign * days : 0;
        }

        if (fact.EndedOn is not { } endedOn)
        {
            return;
        }

        var ended = deltas.For(fact.CompanyId, ReportPeriod.MonthKey(endedOn), fact.OfferKind, fact.TargetGroup);
        ended.PlacementsEnded += sign;
        ended.EndedEarly += fact.EndedEarly ? sign : 0;
        if (fact.EndResult is { } result)
        {
            ended.EndResultsRecorded += sign;
            ended.EndedOrdinaryJob += result == nameof(EndResult.OrdinaryJob) ? sign : 0;
            ended.EndedFlexJob += result == nameof(EndResult.FlexJob) ? sign : 0;
            ended.EndedEducation += result == nameof(EndResult.Education) ? sign : 0;
            ended.EndedBackOnBenefits += result == nameof(EndResult.BackOnBenefits) ? sign : 0;
            ended.EndedDroppedOut += result == nameof(EndResult.DroppedOut) ? sign : 0;
            if (conversion.Contains(fact.OfferKind))
            {
                ended.ConversionEnded += sign;
                ended.ConvertedToOrdinaryJob += result == nameof(EndResult.OrdinaryJob) ? sign : 0;
            }
        }

        ended.FollowUp1Recorded += fact.SelfSupporting1.HasValue ? sign : 0;
        ended.SelfSupporting1 += fact.SelfSupporting1 == true ? sign : 0;
        ended.FollowUp3Recorded += fact.SelfSupporting3.HasValue ? sign : 0;
        ended.SelfSupporting3 += fact.SelfSupporting3 == true ? sign : 0;
        ended.FollowUp6Recorded += fact.SelfSupporting6.HasValue ? sign : 0;
        ended.SelfSupporting6 += fact.SelfSupporting6 == true ? sign : 0;
        ended.FollowUp12Recorded += fact.SelfSupporting12.HasValue ? sign : 0;
        ended.SelfSupporting12 += fact.SelfSupporting12 == true ? sign : 0;
    }

    /// <summary>A published vacancy: offered in the month it was first published.</summary>
    public void AddVacancy(YieldDeltas deltas, YieldVacancyFact fact, int sign)
    {
        var month = deltas.For(fact.CompanyId, ReportPeriod.MonthKey(fact.PostedOn), fact.OfferKind, YieldCell.All);
        month.VacanciesPosted += sign;
        month.PositionsOffered += sign * fact.Positions;
        month.CooperationActivity += cooperation.Contains(fact.OfferKind) ? sign : 0;
    }

    /// <summary>A logged contact: effort in its month.</summary>
    public static void AddContact(YieldDeltas deltas, YieldContactFact fact, int sign)
        => deltas.For(fact.CompanyId, ReportPeriod.MonthKey(fact.OccurredOn), YieldCell.All, YieldCell.All).Contacts += sign;
}
