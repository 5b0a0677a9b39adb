using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Features.Companies;
using CrmAlliance.Api.Features.Matches;
using CrmAlliance.Api.Features.Vacancies;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.BrowserTests;

public sealed record ArrangedVacancy(Guid CompanyId, string CompanyName, string PNumber, Guid VacancyId, string Title, string FirstAlias, string SecondAlias);

/// <summary>An open internship vacancy with two suggestions from matching, at a partner the consultant is responsible for.</summary>
public static class VacancyArrangement
{
    /// <summary>
    /// One workplace of 12 ordinary employees (2 internship/wage-subsidy places, none taken), an internship (or
    /// <paramref name="kind"/>) vacancy starting
    /// today, and two insured-unemployed candidates suggested for it. The suggestions are stored as matching's consumer
    /// stores them, for a version of the vacancy newer than the one the in-process matcher answers, so its own (empty)
    /// round cannot replace them.
    /// </summary>
    public static Task<ArrangedVacancy> RegisterWithSuggestionsAsync(this WebHost host, Actor consultant, string name, OfferKind kind = OfferKind.Internship)
        => host.RunAsync(async services =>
        {
            var cvr = CompanyArrangement.NewCvr();
            var pNumber = "20" + cvr;
            var today = DanishCalendar.Today(TimeProvider.System);
            var company = await services.GetRequiredService<RegisterCompanyHandler>().HandleAsync(
                new RegisterCompanyInput(cvr, name, "521000", "Havnegade 4", "9000", Sector.Private, MembershipStatus.Active, new DateOnly(2025, 1, 15), consultant.UserId),
                consultant, CancellationToken.None);
            var workplace = await services.GetRequiredService<SaveWorkplaceHandler>().HandleAsync(
                new SaveWorkplaceInput(company.Id, null, pNumber, "Lageret i Nørresundby", "Havnegade 4", "9000", 12, new DateOnly(today.Year, today.Month, 1), 12),
                consultant, CancellationToken.None);
            var vacancy = await services.GetRequiredService<PostVacancyHandler>().HandleAsync(
                new PostVacancyInput(company.Id, workplace.Id, kind, "9321", "Lagerpraktikant", "Pluk, pak og truckkørsel", 2, 30, today, Publish: true),
                consultant, CancellationToken.None);

            var db = services.GetRequiredService<CrmDbContext>();
            Candidate Candidate(string suffix) => new()
            {
                CaseReference = $"SAG-{cvr}-{suffix}",
                DisplayAlias = $"Kandidat {cvr}{suffix}",
                TargetGroup = TargetGroup.InsuredUnemployed,
                SoughtOccupations = ["9321"],
                Postcode = "9000",
                AvailableFrom = today,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            var first = Candidate("A");
            var second = Candidate("B");
            db.Candidates.AddRange(first, second);
            var asOf = DateTimeOffset.UtcNow.AddDays(1);
            db.VacancyMatches.AddRange(
                new VacancyMatch
                {
                    VacancyId = vacancy.Id,
                    CandidateId = first.Id,
                    Rank = 1,
                    Score = 0.92,
                    VacancyAsOf = asOf,
                    MatchedAt = DateTimeOffset.UtcNow,
                    Explanation = "same occupation group 9321; no skills required; 3 km; available",
                    Reasons = new MatchReasons("9321", 4, 0, 0, "9000", true, "9200", 3.2, today, today),
                },
                new VacancyMatch
                {
                    VacancyId = vacancy.Id,
                    CandidateId = second.Id,
                    Rank = 2,
                    Score = 0.71,
                    VacancyAsOf = asOf,
                    MatchedAt = DateTimeOffset.UtcNow,
                    Explanation = "same sub-major group 93; 1 of 2 skills; 14 km; available from " + SecondAvailableFrom(today).ToString("d MMM", CultureInfo.InvariantCulture),
                    Reasons = new MatchReasons("9321", 2, 1, 2, "9000", true, "9310", 14.4, SecondAvailableFrom(today), today),
                });
            await db.SaveChangesAsync();
            return new ArrangedVacancy(company.Id, name, pNumber, vacancy.Id, vacancy.Title, first.DisplayAlias, second.DisplayAlias);
        });

    /// <summary>The second candidate's first available day (as matching's facts say it): two weeks after the vacancy's start.</summary>
    public static DateOnly SecondAvailableFrom(DateOnly start) => start.AddDays(14);
}
