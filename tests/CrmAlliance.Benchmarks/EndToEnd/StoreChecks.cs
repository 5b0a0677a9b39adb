extern alias api;

using api::CrmAlliance.Api.Features.Matches;
using api::CrmAlliance.Api.Features.Vacancies;
using api::CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.Benchmarks.EndToEnd;

/// <summary>
/// What the Api's database says after the load, independent of the observers: every vacancy applied once by
/// VacancyMatchedConsumer (one inbox entry each), no candidate suggested twice for a vacancy, no second round
/// (a repeat applied twice would supersede the first), and nothing left in the outbox.
/// </summary>
public sealed record StoreChecks(int OpenVacancies, int MatchedInboxEntries, int VacanciesWithSuggestions, int Suggestions, int DuplicateSuggestions, int SupersededSuggestions, int UnsentOutboxRows)
{
    public static async Task<StoreChecks> ReadAsync(IServiceProvider api, CancellationToken cancellationToken)
    {
        await using var scope = api.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return new(
            await db.Vacancies.CountAsync(v => v.Status == VacancyStatus.Open, cancellationToken),
            await db.InboxMessages.CountAsync(m => m.Consumer == nameof(VacancyMatchedConsumer), cancellationToken),
            await db.VacancyMatches.Select(m => m.VacancyId).Distinct().CountAsync(cancellationToken),
            await db.VacancyMatches.CountAsync(cancellationToken),
            await db.VacancyMatches.GroupBy(m => new { m.VacancyId, m.CandidateId }).CountAsync(g => g.Count() > 1, cancellationToken),
            await db.VacancyMatches.CountAsync(m => m.Status == MatchStatus.Superseded, cancellationToken),
            await db.OutboxMessages.CountAsync(m => m.SentAt == null, cancellationToken));
    }
}
