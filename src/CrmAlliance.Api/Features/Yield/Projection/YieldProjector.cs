using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// Keeps the read model current, one changed source row at a time: derives the row's fact afresh from the raw
/// tables (<see cref="YieldFactSource"/>), applies contributions(new) − contributions(old) to the cells, and stores
/// the new fact, in one save. Deriving instead of applying the event's payload makes a refresh idempotent and
/// independent of event order: a repeated or late event changes nothing. Every save bumps the state row's
/// version, so projections and the day clock never interleave (a loser's save fails and is retried).
/// </summary>
public sealed class YieldProjector(CrmDbContext db, YieldFactSource source, YieldContributions contributions, YieldCellWriter cells)
{
    public async Task RefreshPlacementsAsync(IReadOnlyCollection<Guid> placementIds, CancellationToken cancellationToken)
    {
        var state = await StateAsync(cancellationToken);
        var old = await db.YieldPlacementFacts.Where(f => placementIds.Contains(f.PlacementId)).ToListAsync(cancellationToken);
        var fresh = await source.PlacementsAsync(p => placementIds.Contains(p.Id), cancellationToken);
        var deltas = new YieldDeltas();
        old.ForEach(f => contributions.AddPlacement(deltas, f, state.DaysBookedThrough, -1));
        fresh.ForEach(f => contributions.AddPlacement(deltas, f, state.DaysBookedThrough, +1));
        Replace(db.YieldPlacementFacts, old, fresh, f => f.PlacementId, (f, v) => f.Version = v, f => f.Version);
        await SaveAsync(deltas, cancellationToken);
    }

    public async Task RefreshPlacementsOfCandidateAsync(Guid candidateId, CancellationToken cancellationToken)
    {
        var ids = await db.Placements.Where(p => p.CandidateId == candidateId && p.ActualStart != null).Select(p => p.Id).ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            await RefreshPlacementsAsync(ids, cancellationToken);
        }
    }

    public async Task RefreshVacancyAsync(Guid vacancyId, CancellationToken cancellationToken)
    {
        await StateAsync(cancellationToken);
        var old = await db.YieldVacancyFacts.Where(f => f.VacancyId == vacancyId).ToListAsync(cancellationToken);
        var fresh = await source.VacanciesAsync(v => v.Id == vacancyId, cancellationToken);
        var deltas = new YieldDeltas();
        old.ForEach(f => contributions.AddVacancy(deltas, f, -1));
        fresh.ForEach(f => contributions.AddVacancy(deltas, f, +1));
        Replace(db.YieldVacancyFacts, old, fresh, f => f.VacancyId, (f, v) => f.Version = v, f => f.Version);
        await SaveAsync(deltas, cancellationToken);
    }

    public async Task RefreshContactAsync(Guid contactLogId, CancellationToken cancellationToken)
    {
        await StateAsync(cancellationToken);
        var old = await db.YieldContactFacts.Where(f => f.ContactLogId == contactLogId).ToListAsync(cancellationToken);
        var fresh = await source.ContactsAsync(c => c.Id == contactLogId, cancellationToken);
        var deltas = new YieldDeltas();
        old.ForEach(f => YieldContributions.AddContact(deltas, f, -1));
        fresh.ForEach(f => YieldContributions.AddContact(deltas, f, +1));
        Replace(db.YieldContactFacts, old, fresh, f => f.ContactLogId, (f, v) => f.Version = v, f => f.Version);
        await SaveAsync(deltas, cancellationToken);
    }

    public async Task RefreshPledgeAsync(Guid pledgeId, CancellationToken cancellationToken)
    {
        await StateAsync(cancellationToken);
        var old = await db.YieldPledgeFacts.Where(f => f.PledgeId == pledgeId).ToListAsync(cancellationToken);
        var fresh = await source.PledgesAsync(p => p.Id == pledgeId, cancellationToken);
        var deltas = new YieldDeltas();
        old.ForEach(f => YieldContributions.AddPledge(deltas, f, -1));
        fresh.ForEach(f => YieldContributions.AddPledge(deltas, f, +1));
        Replace(db.YieldPledgeFacts, old, fresh, f => f.PledgeId, (f, v) => f.Version = v, f => f.Version);
        await SaveAsync(deltas, cancellationToken);
    }

    /// <summary>A company's dimensions (name, industry, size, membership, consultant); cells do not change.</summary>
    public async Task RefreshCompanyAsync(Guid companyId, CancellationToken cancellationToken)
    {
        var old = await db.YieldCompanies.Where(c => c.CompanyId == companyId).ToListAsync(cancellationToken);
        var fresh = await source.CompaniesAsync(c => c.Id == companyId, cancellationToken);
        if (old.Count == fresh.Count && old.Zip(fresh).All(pair => SameDimensions(pair.First, pair.Second)))
        {
            // E.g. an address edit: nothing the read model keeps changed, so it is not written.
            return;
        }

        await StateAsync(cancellationToken);
        Replace(db.YieldCompanies, old, fresh, c => c.CompanyId, (c, v) => c.Version = v, c => c.Version);
        await SaveAsync(new YieldDeltas(), cancellationToken);
    }

    private static bool SameDimensions(YieldCompany stored, YieldCompany fresh)
        => stored.CompanyId == fresh.CompanyId && stored.Name == fresh.Name && stored.Cvr == fresh.Cvr && stored.IndustryCode == fresh.IndustryCode
            && stored.IndustrySection == fresh.IndustrySection && stored.OrdinaryEmployees == fresh.OrdinaryEmployees
            && stored.MembershipStatus == fresh.MembershipStatus && stored.JoinedOn == fresh.JoinedOn && stored.ResponsibleConsultantId == fresh.ResponsibleConsultantId;

    /// <summary>
    /// Books running placements' days up to <paramref name="bookThrough"/> (the day clock). Running placements
    /// are few (the ones under way now), so they are re-contributed in one save.
    /// </summary>
    public async Task<int> AdvanceDaysAsync(DateOnly bookThrough, CancellationToken cancellationToken)
    {
        var state = await StateAsync(cancellationToken);
        if (bookThrough <= state.DaysBookedThrough)
        {
            return 0;
        }

        var running = await db.YieldPlacementFacts.Where(f => f.EndedOn == null && f.StartedOn <= bookThrough).ToListAsync(cancellationToken);
        var deltas = new YieldDeltas();
        foreach (var fact in running)
        {
            contributions.AddPlacement(deltas, fact, state.DaysBookedThrough, -1);
            contributions.AddPlacement(deltas, fact, bookThrough, +1);
            fact.Version++;
        }

        state.DaysBookedThrough = bookThrough;
        await SaveAsync(deltas, cancellationToken);
        return running.Count;
    }

    private async Task<YieldState> StateAsync(CancellationToken cancellationToken)
    {
        var state = await db.YieldState.SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The yield read model has not been built yet: the Api builds it at start, or run rebuild-yield.");
        state.Version++;
        return state;
    }

    private async Task SaveAsync(YieldDeltas deltas, CancellationToken cancellationToken)
    {
        await cells.StageAsync(deltas, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stages the fresh facts in place of the old: changed ones updated (version bumped), gone ones removed.</summary>
    private static void Replace<TFact>(DbSet<TFact> set, List<TFact> old, List<TFact> fresh, Func<TFact, Guid> key, Action<TFact, int> setVersion, Func<TFact, int> version)
        where TFact : class
    {
        var freshByKey = fresh.ToDictionary(key);
        foreach (var existing in old)
        {
            if (freshByKey.Remove(key(existing), out var replacement))
            {
                setVersion(replacement, version(existing) + 1);
                set.Entry(existing).CurrentValues.SetValues(replacement);
            }
            else
            {
                set.Remove(existing);
            }
        }

        set.AddRange(freshByKey.Values);
    }
}
