using System.Linq.Expressions;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.ReferenceData;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// Derives read-model facts from the raw rows: the one definition of "which rows count, with which values",
/// used both when an event refreshes a few facts and when the rebuild derives them all.
/// </summary>
public sealed class YieldFactSource(CrmDbContext db, ReferenceCatalog catalog)
{
    /// <summary>Placements that actually started, with their candidate's target group and their recorded outcomes.</summary>
    public async Task<List<YieldPlacementFact>> PlacementsAsync(Expression<Func<Placement, bool>> filter, CancellationToken cancellationToken)
    {
        var placements = db.Placements.AsNoTracking().Where(p => p.ActualStart != null).Where(filter);
        var rows = await placements
            .Join(db.Candidates, p => p.CandidateId, c => c.Id, (p, c) => new { p.Id, p.CompanyId, p.VacancyId, p.OfferKind, c.TargetGroup, p.ActualStart, p.ActualEnd, p.Status })
            .ToListAsync(cancellationToken);
        var outcomes = (await placements
            .Join(db.Outcomes, p => p.Id, o => o.PlacementId, (p, o) => new { o.PlacementId, o.MonthsAfterEnd, o.EndResult, o.SelfSupporting })
            .ToListAsync(cancellationToken))
            .ToLookup(o => o.PlacementId);

        return rows.Select(p =>
        {
            var ended = p.Status is PlacementStatus.Completed or PlacementStatus.EndedEarly;
            var observed = outcomes[p.Id].ToDictionary(o => o.MonthsAfterEnd);
            bool? SelfSupporting(int months) => ended && observed.TryGetValue(months, out var o) ? o.SelfSupporting : null;
            return new YieldPlacementFact
            {
                PlacementId = p.Id,
                CompanyId = p.CompanyId,
                VacancyId = p.VacancyId,
                OfferKind = p.OfferKind.ToString(),
                TargetGroup = p.TargetGroup.ToString(),
                StartedOn = p.ActualStart!.Value,
                EndedOn = ended ? p.ActualEnd : null,
                EndedEarly = p.Status == PlacementStatus.EndedEarly,
                EndResult = ended && observed.TryGetValue(0, out var end) ? end.EndResult?.ToString() : null,
                SelfSupporting1 = SelfSupporting(1),
                SelfSupporting3 = SelfSupporting(3),
                SelfSupporting6 = SelfSupporting(6),
                SelfSupporting12 = SelfSupporting(12),
            };
        }).ToList();
    }

    /// <summary>Vacancies that were ever published, counted on the Danish day of their first publication.</summary>
    public async Task<List<YieldVacancyFact>> VacanciesAsync(Expression<Func<Vacancy, bool>> filter, CancellationToken cancellationToken)
        => (await db.Vacancies.AsNoTracking().Where(v => v.PublishedAt != null).Where(filter)
                .Select(v => new { v.Id, v.CompanyId, v.OfferKind, v.Positions, v.PublishedAt })
                .ToListAsync(cancellationToken))
            .Select(v => new YieldVacancyFact
            {
                VacancyId = v.Id,
                CompanyId = v.CompanyId,
                OfferKind = v.OfferKind.ToString(),
                Positions = v.Positions,
                PostedOn = DanishCalendar.DateOf(v.PublishedAt!.Value),
            }).ToList();

    public async Task<List<YieldContactFact>> ContactsAsync(Expression<Func<ContactLog, bool>> filter, CancellationToken cancellationToken)
        => (await db.ContactLogs.AsNoTracking().Where(filter).Select(c => new { c.Id, c.CompanyId, c.OccurredAt }).ToListAsync(cancellationToken))
            .Select(c => new YieldContactFact { ContactLogId = c.Id, CompanyId = c.CompanyId, OccurredOn = DanishCalendar.DateOf(c.OccurredAt) })
            .ToList();

    public Task<List<YieldPledgeFact>> PledgesAsync(Expression<Func<Pledge, bool>> filter, CancellationToken cancellationToken)
        => db.Pledges.AsNoTracking().Where(filter)
            .Select(p => new YieldPledgeFact
            {
                PledgeId = p.Id,
                CompanyId = p.CompanyId,
                PeriodStart = p.PeriodStart,
                PeriodEnd = p.PeriodEnd,
                OrdinaryJobs = p.OrdinaryJobs,
                Internships = p.Internships,
                WageSubsidyJobs = p.WageSubsidyJobs,
                AdultApprenticeships = p.AdultApprenticeships,
                FlexJobs = p.FlexJobs,
                Mentors = p.Mentors,
            })
            .ToListAsync(cancellationToken);

    /// <summary>Companies with the dimensions reports slice by; employees are the sum over workplaces.</summary>
    public async Task<List<YieldCompany>> CompaniesAsync(Expression<Func<Company, bool>> filter, CancellationToken cancellationToken)
        => (await db.Companies.AsNoTracking().Where(filter)
                .Select(c => new
                {
                    c.Id,
                    c.Name,
                    c.Cvr,
                    c.IndustryCode,
                    c.MembershipStatus,
                    c.JoinedOn,
                    c.ResponsibleConsultantId,
                    Employees = db.Workplaces.Where(w => w.CompanyId == c.Id).Sum(w => (int?)w.OrdinaryEmployees) ?? 0,
                })
                .ToListAsync(cancellationToken))
            .Select(c => new YieldCompany
            {
                CompanyId = c.Id,
                Name = c.Name,
                Cvr = c.Cvr,
                IndustryCode = c.IndustryCode,
                IndustrySection = catalog.FindSection(c.IndustryCode)?.Code ?? "?",
                OrdinaryEmployees = c.Employees,
                MembershipStatus = c.MembershipStatus.ToString(),
                JoinedOn = c.JoinedOn,
                ResponsibleConsultantId = c.ResponsibleConsultantId,
            }).ToList();
}
