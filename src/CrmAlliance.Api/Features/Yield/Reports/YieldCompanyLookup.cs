using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Reports;

public static class YieldCompanyLookup
{
    /// <summary>The company's read-model row; NOT_FOUND on <c>companyId</c> when the read model does not know it.</summary>
    public static async Task<YieldCompany> FindYieldCompanyAsync(this CrmDbContext db, Guid companyId, CancellationToken cancellationToken)
        => await db.YieldCompanies.AsNoTracking().SingleOrDefaultAsync(c => c.CompanyId == companyId, cancellationToken)
            ?? throw new NotFoundException("Company", companyId, "companyId");
}
