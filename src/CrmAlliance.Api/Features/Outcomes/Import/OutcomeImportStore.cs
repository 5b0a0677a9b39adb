using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Outcomes.Import;

/// <summary>What the import needs to know of a placement: whose it is, whether and when it ended.</summary>
public sealed record PlacementFacts(Guid Id, Guid CompanyId, PlacementStatus Status, DateOnly? ActualEnd, string CaseReference);

/// <summary>
/// The placements a file names, with their candidates' references and the outcomes already recorded,
/// read untracked in chunks of keys: one round trip per 500 placements, never one per line.
/// </summary>
public sealed class OutcomeImportStore
{
    // Keeps each IN list far below SQL Server's 2,100-parameter limit, whatever EF's translation.
    public const int ChunkSize = 500;

    private readonly Dictionary<Guid, PlacementFacts> placements = [];
    private readonly Dictionary<(Guid, int), Outcome> outcomes = [];
    private readonly HashSet<string> knownReferences = new(StringComparer.OrdinalIgnoreCase);

    private OutcomeImportStore()
    {
    }

    /// <summary>Loads the facts for <paramref name="lines"/>; <paramref name="checkedLines"/> is told how many lines' keys are loaded.</summary>
    public static async Task<OutcomeImportStore> LoadAsync(CrmDbContext db, IReadOnlyList<ImportedOutcome> lines, Action<int> checkedLines, CancellationToken cancellationToken)
    {
        var store = new OutcomeImportStore();
        var done = 0;
        foreach (var chunk in lines.Chunk(ChunkSize))
        {
            var ids = chunk.Select(l => l.PlacementId).Distinct().ToList();
            var facts = await (from p in db.Placements.AsNoTracking()
                               where ids.Contains(p.Id)
                               join c in db.Candidates on p.CandidateId equals c.Id
                               select new PlacementFacts(p.Id, p.CompanyId, p.Status, p.ActualEnd, c.CaseReference))
                .ToListAsync(cancellationToken);
            foreach (var placement in facts)
            {
                store.placements[placement.Id] = placement;
            }

            foreach (var outcome in await db.Outcomes.AsNoTracking().Where(o => ids.Contains(o.PlacementId)).ToListAsync(cancellationToken))
            {
                store.outcomes[(outcome.PlacementId, outcome.MonthsAfterEnd)] = outcome;
            }

            // Only a line whose reference is not its placement's needs to know whether the reference exists at all.
            var strangers = chunk
                .Where(l => store.Placement(l.PlacementId) is { } p && !SameReference(p.CaseReference, l.CaseReference))
                .Select(l => l.CaseReference)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (strangers.Count > 0)
            {
                store.knownReferences.UnionWith(await db.Candidates.AsNoTracking().Where(c => strangers.Contains(c.CaseReference)).Select(c => c.CaseReference).ToListAsync(cancellationToken));
            }

            done += chunk.Length;
            checkedLines(done);
        }

        return store;
    }

    /// <summary>
    /// Case references are compared ignoring case, as the candidate import compares them: on SQL Server
    /// they are one reference anyway.
    /// </summary>
    public static bool SameReference(string stored, string given) => string.Equals(stored, given.Trim(), StringComparison.OrdinalIgnoreCase);

    public PlacementFacts? Placement(Guid id) => placements.GetValueOrDefault(id);

    /// <summary>The outcome stored for the placement at this point (untracked), if any.</summary>
    public Outcome? Outcome(Guid placementId, int monthsAfterEnd) => outcomes.GetValueOrDefault((placementId, monthsAfterEnd));

    /// <summary>Whether a candidate has the reference; known only for references that did not match their line's placement.</summary>
    public bool IsKnownReference(string caseReference) => knownReferences.Contains(caseReference.Trim());
}
