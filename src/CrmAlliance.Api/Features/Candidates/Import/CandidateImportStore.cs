using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Candidates.Import;

/// <summary>The candidates the database already holds for the file's case references, tracked so the import updates them.</summary>
public sealed class CandidateImportStore
{
    // Keeps each IN list far below SQL Server's 2,100-parameter limit, whatever EF's translation.
    private const int ChunkSize = 500;

    private readonly Dictionary<string, Candidate> _byReference;
    private readonly ILookup<string, Candidate> _byReferenceIgnoringCase;

    private CandidateImportStore(List<Candidate> candidates)
    {
        _byReference = candidates.ToDictionary(c => c.CaseReference, StringComparer.Ordinal);
        _byReferenceIgnoringCase = candidates.ToLookup(c => c.CaseReference, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>One query per 500 references, never one per line: 10,000 lines make 20 queries.</summary>
    /// <param name="looked">Told after each query how many references have been looked up.</param>
    public static async Task<CandidateImportStore> LoadAsync(CrmDbContext db, IEnumerable<string> caseReferences, Action<int>? looked, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        var done = 0;
        foreach (var chunk in caseReferences.Distinct(StringComparer.Ordinal).Chunk(ChunkSize))
        {
            candidates.AddRange(await db.Candidates.Where(c => chunk.Contains(c.CaseReference)).ToListAsync(cancellationToken));
            done += chunk.Length;
            looked?.Invoke(done);
        }

        return new CandidateImportStore(candidates);
    }

    /// <summary>
    /// The stored candidate with this reference. The database decides what "the same" is: SQL Server's
    /// collation ignores case, so it may return "SAG-1" for "sag-1", which is then that candidate.
    /// </summary>
    public Candidate? Find(string caseReference)
        => _byReference.GetValueOrDefault(caseReference)
            ?? (_byReferenceIgnoringCase[caseReference].ToList() is [var only] ? only : null);
}
