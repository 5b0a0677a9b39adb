extern alias api;
using api::CrmAlliance.Api.Core;
using api::CrmAlliance.Api.Features.Companies;
using api::CrmAlliance.Api.Features.Outcomes;
using api::CrmAlliance.Api.Features.Placements;
using api::CrmAlliance.Api.Features.Yield;
using api::CrmAlliance.Api.Features.Yield.ReadModel;
using api::CrmAlliance.Api.Features.Yield.Reports;
using api::CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Benchmarks.Yield;

/// <summary>
/// The yearly ranking computed the naive way, straight from the raw tables (vacancies, placements, candidates,
/// outcomes, workplaces), with the same score definition: the baseline the read model is measured against.
/// It also serves as an independent check: its top companies must be the read model's.
/// </summary>
public static class RawTableRanking
{
    public static async Task<List<(Guid CompanyId, double Score)>> TopAsync(CrmDbContext db, YieldOptions options, int year, DateOnly bookedThrough, int first)
    {
        var period = ReportPeriod.Year(year);
        var (start, end) = (period.Start, period.End);
        var (from, to) = (DanishCalendar.StartOf(start), DanishCalendar.StartOf(end.AddDays(1)));
        var farFromMarket = options.FarFromMarketGroups;
        var totals = new Dictionary<Guid, YieldTotals>();
        YieldTotals Of(Guid id) => totals.TryGetValue(id, out var t) ? t : totals[id] = new YieldTotals();

        foreach (var v in await db.Vacancies.AsNoTracking().Where(v => v.PublishedAt >= from && v.PublishedAt < to)
                     .GroupBy(v => v.CompanyId).Select(g => new { g.Key, Positions = g.Sum(v => v.Positions) }).ToListAsync())
        {
            Of(v.Key).PositionsOffered = v.Positions;
        }

        foreach (var p in await db.Placements.AsNoTracking().Where(p => p.ActualStart >= start && p.ActualStart <= end)
                     .Join(db.Candidates, p => p.CandidateId, c => c.Id, (p, c) => new { p.CompanyId, c.TargetGroup })
                     .GroupBy(p => p.CompanyId)
                     .Select(g => new { g.Key, Started = g.Count(), Far = g.Count(x => farFromMarket.Contains(x.TargetGroup)) }).ToListAsync())
        {
            Of(p.Key).PlacementsStarted = p.Started;
            Of(p.Key).FarFromMarketStarted = p.Far;
        }

        var ended = new[] { PlacementStatus.Completed, PlacementStatus.EndedEarly };
        foreach (var p in await db.Placements.AsNoTracking()
                     .Where(p => p.ActualStart != null && p.ActualStart <= end && (p.ActualEnd == null || p.ActualEnd >= start || !ended.Contains(p.Status)))
                     .Select(p => new { p.CompanyId, p.ActualStart, p.ActualEnd, p.Status }).ToListAsync())
        {
            var last = ended.Contains(p.Status) ? p.ActualEnd!.Value : bookedThrough;
            var days = Math.Min(last.DayNumber, end.DayNumber) - Math.Max(p.ActualStart!.Value.DayNumber, start.DayNumber) + 1;
            Of(p.CompanyId).PlacementDays += Math.Max(days, 0);
        }

        var work = new EndResult?[] { EndResult.OrdinaryJob, EndResult.FlexJob, EndResult.Education };
        var endedInYear = db.Placements.AsNoTracking().Where(p => ended.Contains(p.Status) && p.ActualEnd >= start && p.ActualEnd <= end);
        foreach (var r in await endedInYear.Join(db.Outcomes, p => p.Id, o => o.PlacementId, (p, o) => new { p.CompanyId, o.MonthsAfterEnd, o.EndResult, o.SelfSupporting })
                     .Where(o => (o.MonthsAfterEnd == 0 && work.Contains(o.EndResult)) || (o.MonthsAfterEnd == 6 && o.SelfSupporting == true))
                     .GroupBy(o => new { o.CompanyId, o.MonthsAfterEnd }).Select(g => new { g.Key.CompanyId, g.Key.MonthsAfterEnd, Count = g.Count() }).ToListAsync())
        {
            if (r.MonthsAfterEnd == 0)
            {
                Of(r.CompanyId).EndedOrdinaryJob = r.Count;
                Of(r.CompanyId).EndResultsRecorded = r.Count;
            }
            else
            {
                Of(r.CompanyId).SelfSupporting6 = r.Count;
                Of(r.CompanyId).FollowUp6Recorded = r.Count;
            }
        }

        var employees = await db.Workplaces.AsNoTracking().GroupBy(w => w.CompanyId).Select(g => new { g.Key, Employees = g.Sum(w => w.OrdinaryEmployees) }).ToDictionaryAsync(g => g.Key, g => g.Employees);
        // Ranked are the members of the period, as in the read model's YieldMembers.
        var names = await db.Companies.AsNoTracking()
            .Where(c => (c.MembershipStatus == MembershipStatus.Active || c.MembershipStatus == MembershipStatus.Paused) && (c.JoinedOn == null || c.JoinedOn <= end))
            .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name);
        return names.Keys
            .Select(id => (CompanyId: id, Score: new YieldFigures(totals.GetValueOrDefault(id) ?? new YieldTotals(), options).Score(employees.GetValueOrDefault(id))))
            .OrderByDescending(r => r.Score).ThenBy(r => names[r.CompanyId], StringComparer.Ordinal)
            .Take(first)
            .ToList();
    }
}
