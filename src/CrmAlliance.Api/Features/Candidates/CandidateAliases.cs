using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Candidates;

/// <summary>
/// Gives new candidates their display alias. Four hex digits are plenty for people to tell candidates
/// apart; more only when those are taken, in the database or by another candidate of the same batch.
/// Aliases are looked up a few hundred at a time, so an import of thousands makes a few dozen queries,
/// not one per candidate.
/// </summary>
public static class CandidateAliases
{
    private static readonly int[] Digits = [4, 6, 8, 12];

    // Keeps each IN list far below SQL Server's 2,100-parameter limit, whatever EF's translation.
    private const int ChunkSize = 500;

    /// <summary>Sets <see cref="Candidate.DisplayAlias"/> of candidates not yet added to the context.</summary>
    public static async Task AssignAsync(CrmDbContext db, IReadOnlyCollection<Candidate> candidates, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var pending = candidates.ToList();
        foreach (var digits in Digits)
        {
            if (pending.Count == 0)
            {
                return;
            }

            var proposals = pending.Select(c => (Candidate: c, Alias: CandidateValidation.DisplayAlias(c.Id, digits))).ToList();
            foreach (var chunk in proposals.Select(p => p.Alias).Distinct().Chunk(ChunkSize))
            {
                taken.UnionWith(await db.Candidates.Where(c => chunk.Contains(c.DisplayAlias)).Select(c => c.DisplayAlias).ToListAsync(cancellationToken));
            }

            var stillPending = new List<Candidate>();
            foreach (var (candidate, alias) in proposals)
            {
                if (taken.Add(alias))
                {
                    candidate.DisplayAlias = alias;
                }
                else
                {
                    stillPending.Add(candidate);
                }
            }

            pending = stillPending;
        }

        foreach (var candidate in pending)
        {
            candidate.DisplayAlias = CandidateValidation.DisplayAlias(candidate.Id, 32);
        }
    }
}
