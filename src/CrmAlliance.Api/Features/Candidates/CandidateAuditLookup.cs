using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Candidates;

/// <summary>Lets the Admins' audit search find a candidate by case reference without the audit using Candidates.</summary>
public sealed class CandidateAuditLookup(CrmDbContext db) : IAuditCandidateLookup
{
    public async Task<Guid?> FindByReferenceAsync(string caseReference, CancellationToken cancellationToken)
        => await db.Candidates.AsNoTracking().Where(c => c.CaseReference == caseReference).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
}
