using CrmAlliance.Api.Features.Yield.ReadModel;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// A chunk of companies' facts, read from the raw rows, and the cell totals they contribute: the step both rebuilds
/// (aside and in place) share, so that they cannot count differently.
/// </summary>
public sealed record YieldChunkFacts(
    List<YieldPlacementFact> Placements,
    List<YieldVacancyFact> Vacancies,
    List<YieldContactFact> Contacts,
    List<YieldPledgeFact> Pledges,
    YieldDeltas Deltas)
{
    public static async Task<YieldChunkFacts> ReadAsync(YieldFactSource source, YieldContributions contributions, Guid[] companyIds, DateOnly asOf, RebuildPhases phases, CancellationToken cancellationToken)
    {
        List<YieldPlacementFact> placements;
        List<YieldVacancyFact> vacancies;
        List<YieldContactFact> contacts;
        List<YieldPledgeFact> pledges;
        using (phases.Measure("read facts"))
        {
            placements = await source.PlacementsAsync(p => companyIds.Contains(p.CompanyId), cancellationToken);
            vacancies = await source.VacanciesAsync(v => companyIds.Contains(v.CompanyId), cancellationToken);
            contacts = await source.ContactsAsync(c => companyIds.Contains(c.CompanyId), cancellationToken);
            pledges = await source.PledgesAsync(p => companyIds.Contains(p.CompanyId), cancellationToken);
        }

        // Pledges contribute no cells: reports pro-rate them from the pledge facts exactly.
        using (phases.Measure("compute contributions"))
        {
            var deltas = new YieldDeltas();
            placements.ForEach(f => contributions.AddPlacement(deltas, f, asOf, +1));
            vacancies.ForEach(f => contributions.AddVacancy(deltas, f, +1));
            contacts.ForEach(f => YieldContributions.AddContact(deltas, f, +1));
            return new YieldChunkFacts(placements, vacancies, contacts, pledges, deltas);
        }
    }
}
