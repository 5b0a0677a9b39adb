using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.ContactLogs;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Features.Pledges;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.BrowserTests;

public sealed record ArrangedCompany(Guid Id, string Name, string Cvr, string PNumber);

/// <summary>Companies with a history, made through the features' handlers as a consultant would (a running placement stored directly).</summary>
public static class CompanyArrangement
{
    private static readonly int[] CvrWeights = [2, 7, 6, 5, 4, 3, 2, 1];
    private static int _sequence = Random.Shared.Next(1_000_000, 8_000_000);

    /// <summary>A fresh CVR number that passes the modulus-11 check.</summary>
    public static string NewCvr()
    {
        while (true)
        {
            var stem = Interlocked.Increment(ref _sequence).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 7; i++)
            {
                sum += (stem[i] - '0') * CvrWeights[i];
            }

            var check = (11 - (sum % 11)) % 11;
            if (check < 10 && stem[0] != '0')
            {
                return stem + check;
            }
        }
    }

    public static Task<ArrangedCompany> RegisterAsync(this WebHost host, Actor consultant, string name)
        => host.RunAsync(async services =>
        {
            var cvr = NewCvr();
            var company = await services.GetRequiredService<RegisterCompanyHandler>().HandleAsync(
                new RegisterCompanyInput(cvr, name, "521000", "Havnegade 4", "9000", Sector.Private, MembershipStatus.Active, new DateOnly(2025, 1, 15), consultant.UserId),
                consultant, CancellationToken.None);
            return new ArrangedCompany(company.Id, name, cvr, "");
        });

    /// <summary>
    /// A partner with one workplace of 12 ordinary employees (2 places under the ratio rule) holding one running
    /// internship, a visit, a pledge and a vacancy.
    /// </summary>
    public static Task<ArrangedCompany> RegisterWithHistoryAsync(this WebHost host, Actor consultant, string name)
        => host.RunAsync(async services =>
        {
            var cvr = NewCvr();
            var pNumber = "10" + cvr;
            var today = DanishCalendar.Today(TimeProvider.System);
            var company = await services.GetRequiredService<RegisterCompanyHandler>().HandleAsync(
                new RegisterCompanyInput(cvr, name, "521000", "Havnegade 4", "9000", Sector.Private, MembershipStatus.Active, new DateOnly(2025, 1, 15), consultant.UserId),
                consultant, CancellationToken.None);
            var workplace = await services.GetRequiredService<SaveWorkplaceHandler>().HandleAsync(
                new SaveWorkplaceInput(company.Id, null, pNumber, "Lageret på havnen", "Havnegade 4", "9000", 12, new DateOnly(today.Year, today.Month, 1), 12),
                consultant, CancellationToken.None);
            await services.GetRequiredService<LogContactHandler>().HandleAsync(
                new LogContactInput(company.Id, DateTimeOffset.UtcNow.AddDays(-3), ContactChannel.Visit, "Første besøg på lageret"), consultant, CancellationToken.None);
            await services.GetRequiredService<RecordPledgeHandler>().HandleAsync(
                new RecordPledgeInput(company.Id, new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31), Internships: 4, OrdinaryJobs: 2), consultant, CancellationToken.None);
            await services.GetRequiredService<PostVacancyHandler>().HandleAsync(
                new PostVacancyInput(company.Id, workplace.Id, OfferKind.OrdinaryJob, "9321", "Lagermedarbejder", "Pluk og pak", 2, 37, today.AddDays(30)),
                consultant, CancellationToken.None);

            var db = services.GetRequiredService<CrmDbContext>();
            var candidate = new Candidate { CaseReference = "SAG-" + cvr, DisplayAlias = "Kandidat " + cvr[..4], Postcode = "9000", AvailableFrom = today, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Candidates.Add(candidate);
            db.Placements.Add(new Placement
            {
                CandidateId = candidate.Id,
                CompanyId = company.Id,
                WorkplaceId = workplace.Id,
                OfferKind = OfferKind.Internship,
                Purpose = InternshipPurpose.Hiring,
                PlannedStart = today.AddDays(-7),
                ActualStart = today.AddDays(-7),
                PlannedEnd = today.AddDays(21),
                Status = PlacementStatus.Active,
                ProposedBy = consultant.UserId,
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-10),
            });
            await db.SaveChangesAsync();

            // A history that happened over days: the vacancy yesterday, the pledge five days ago (the visit was three).
            var now = DateTimeOffset.UtcNow;
            await db.Vacancies.Where(v => v.CompanyId == company.Id).ExecuteUpdateAsync(v => v.SetProperty(x => x.CreatedAt, now.AddDays(-1)));
            await db.Pledges.Where(p => p.CompanyId == company.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.RecordedAt, now.AddDays(-5)));
            return new ArrangedCompany(company.Id, name, cvr, pNumber);
        });
}
