using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>
/// Keeps the read model current for the source rows events name: derives each row's fact afresh from the raw
/// tables (<see cref="YieldFactSource"/>), applies contributions(new) − contributions(old) to the cells, and stores
/// the new facts, in one save. Deriving instead of applying the event's payload makes a refresh idempotent and
/// independent of event order: a repeated or late event changes nothing. Every save bumps the state row's
/// version, so projections and the day clock never interleave (a loser's save fails and is retried).
/// </summary>
public sealed class YieldProjector(CrmDbContext db, YieldFactSource source, YieldContributions contributions, YieldCellWriter cells)
{
    /// <summary>
    /// Re-derives every row the refreshes name — however many, each once — and applies the differences in one save:
    /// a few set-based queries per kind instead of a round of queries per event, so the projection keeps up with a
    /// burst of events. Nothing is written when nothing the read model keeps changed (e.g. only address edits).
    /// </summary>
    public async Task RefreshAsync(IReadOnlyCollection<YieldRefresh> refreshes, CancellationToken cancellationToken)
    {
        if (await db.YieldRebuildRuns.AnyAsync(cancellationToken))
        {
            // A rebuild is building aside: it replays these at its swap, since the rows it already read may have changed.
            db.YieldRebuildBacklog.AddRange(refreshes.Select(r => new YieldRebuildBacklog { Kind = (int)r.Kind, RowId = r.Id }));
            if (!await db.YieldState.AnyAsync(cancellationToken))
            {
                // No model yet (the first build runs): only the backlog.
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
        }

        var placementIds = await PlacementIdsAsync(refreshes, cancellationToken);
        var vacancyIds = Ids(refreshes, YieldRefreshKind.Vacancy);
        var contactIds = Ids(refreshes, YieldRefreshKind.Contact);
        var pledgeIds = Ids(refreshes, YieldRefreshKind.Pledge);
        var companiesChanged = await StageCompaniesAsync(Ids(refreshes, YieldRefreshKind.Company), cancellationToken);
        if (placementIds.Count + vacancyIds.Count + contactIds.Count + pledgeIds.Count == 0 && companiesChanged.Count == 0)
        {
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken); // the backlog
            }

            return;
        }

        var state = await StateAsync(cancellationToken);
        var deltas = new YieldDeltas();
        if (placementIds.Count > 0)
        {
            Restage(
                db.YieldPlacementFacts,
                await db.YieldPlacementFacts.Where(f => placementIds.Contains(f.PlacementId)).ToListAsync(cancellationToken),
                await source.PlacementsAsync(p => placementIds.Contains(p.Id), cancellationToken),
                (f, sign) => contributions.AddPlacement(deltas, f, state.DaysBookedThrough, sign),
                f => f.PlacementId, (f, v) => f.Version = v, f => f.Version);
        }

        if (vacancyIds.Count > 0)
        {
            Restage(
                db.YieldVacancyFacts,
                await db.YieldVacancyFacts.Where(f => vacancyIds.Contains(f.VacancyId)).ToListAsync(cancellationToken),
                await source.VacanciesAsync(v => vacancyIds.Contains(v.Id), cancellationToken),
                (f, sign) => contributions.AddVacancy(deltas, f, sign),
                f => f.VacancyId, (f, v) => f.Version = v, f => f.Version);
        }

        if (contactIds.Count > 0)
        {
            Restage(
                db.YieldContactFacts,
                await db.YieldContactFacts.Where(f => contactIds.Contains(f.ContactLogId)).ToListAsync(cancellationToken),
                await source.ContactsAsync(c => contactIds.Contains(c.Id), cancellationToken),
                (f, sign) => YieldContributions.AddContact(deltas, f, sign),
                f => f.ContactLogId, (f, v) => f.Version = v, f => f.Version);
        }

        if (pledgeIds.Count > 0)
        {
            // Pledges have no cells (reports pro-rate the facts exactly), but their companies' figures changed.
            var old = await db.YieldPledgeFacts.Where(f => pledgeIds.Contains(f.PledgeId)).ToListAsync(cancellationToken);
            var fresh = await source.PledgesAsync(p => pledgeIds.Contains(p.Id), cancellationToken);
            companiesChanged.UnionWith(old.Concat(fresh).Select(f => f.CompanyId));
            Replace(db.YieldPledgeFacts, old, fresh, f => f.PledgeId, (f, v) => f.Version = v, f => f.Version);
        }

        await SaveAsync(state, deltas, companiesChanged, cancellationToken);
    }

    /// <summary>Placements named directly, and the started placements of candidates whose target group may have changed.</summary>
    private async Task<List<Guid>> PlacementIdsAsync(IReadOnlyCollection<YieldRefresh> refreshes, CancellationToken cancellationToken)
    {
        var ids = Ids(refreshes, YieldRefreshKind.Placement);
        var candidateIds = Ids(refreshes, YieldRefreshKind.PlacementsOfCandidate);
        if (candidateIds.Count > 0)
        {
            ids.AddRange(await db.Placements.Where(p => candidateIds.Contains(p.CandidateId) && p.ActualStart != null).Select(p => p.Id).ToListAsync(cancellationToken));
        }

        return ids.Distinct().ToList();
    }

    /// <summary>Companies' dimensions (name, industry, size, membership, consultant); cells do not change. Returns the companies that changed.</summary>
    private async Task<HashSet<Guid>> StageCompaniesAsync(List<Guid> companyIds, CancellationToken cancellationToken)
    {
        if (companyIds.Count == 0)
        {
            return [];
        }

        var old = await db.YieldCompanies.Where(c => companyIds.Contains(c.CompanyId)).ToListAsync(cancellationToken);
        var fresh = await source.CompaniesAsync(c => companyIds.Contains(c.Id), cancellationToken);
        var stored = old.ToDictionary(c => c.CompanyId);
        var changed = fresh.Where(f => !stored.TryGetValue(f.CompanyId, out var s) || !SameDimensions(s, f)).Select(f => f.CompanyId).ToHashSet();
        changed.UnionWith(old.Select(c => c.CompanyId).Except(fresh.Select(f => f.CompanyId)));
        if (changed.Count == 0)
        {
            // E.g. address edits: nothing the read model keeps changed, so nothing is written.
            return changed;
        }

        Replace(db.YieldCompanies, [.. old.Where(c => changed.Contains(c.CompanyId))], [.. fresh.Where(f => changed.Contains(f.CompanyId))], c => c.CompanyId, (c, v) => c.Version = v, c => c.Version);
        return changed;
    }

    private static List<Guid> Ids(IReadOnlyCollection<YieldRefresh> refreshes, YieldRefreshKind kind)
        => refreshes.Where(r => r.Kind == kind).Select(r => r.Id).Distinct().ToList();

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
        await SaveAsync(state, deltas, [], cancellationToken);
        return running.Count;
    }

    private async Task<YieldState> StateAsync(CancellationToken cancellationToken)
    {
        var state = await db.YieldState.SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The yield read model has not been built yet: the Api builds it at start, or run rebuild-yield.");
        state.Version++;
        return state;
    }

    /// <summary>
    /// Saves the cells' changes with the state's new version and, in the same save, which companies changed in it
    /// (<see cref="YieldChange"/>), so that reports can re-read just those. Now and then the oldest log entries go.
    /// </summary>
    private async Task SaveAsync(YieldState state, YieldDeltas deltas, IReadOnlyCollection<Guid> companiesChanged, CancellationToken cancellationToken)
    {
        await cells.StageAsync(deltas, cancellationToken);
        var changed = deltas.Cells().Keys.Select(k => k.CompanyId).Concat(companiesChanged).Where(id => id != YieldCell.AllianceId).ToHashSet();
        db.YieldChanges.AddRange(changed.Select(companyId => new YieldChange { Version = state.Version, CompanyId = companyId }));
        if (state.Version % 100 == 0)
        {
            // Only entries far older than any reader patches from; deleting them early only makes a reader read everything.
            var oldest = state.Version - YieldChange.RetainedVersions;
            await db.YieldChanges.Where(c => c.Version < oldest).ExecuteDeleteAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Takes the old facts' contributions out, puts the fresh ones' in, and stages the fresh facts in place of the old.</summary>
    private static void Restage<TFact>(DbSet<TFact> set, List<TFact> old, List<TFact> fresh, Action<TFact, int> contribute, Func<TFact, Guid> key, Action<TFact, int> setVersion, Func<TFact, int> version)
        where TFact : class
    {
        old.ForEach(f => contribute(f, -1));
        fresh.ForEach(f => contribute(f, +1));
        Replace(set, old, fresh, key, setVersion, version);
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
