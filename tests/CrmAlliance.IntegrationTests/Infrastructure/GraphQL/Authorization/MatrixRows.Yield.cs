using CrmAlliance.Api.Features.Yield.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL.Authorization;

public static partial class MatrixRows
{
    private static IEnumerable<MatrixRow> Yield =>
    [
        new("partnerYield", OnOwnYieldCompany(f => ("query($id: ID!) { partnerYield(companyId: $id, period: \"2025\") { definitionVersion } }", new { id = f.OwnCompanyId })), A, A, A, A, R),
        new("yieldTrend", OnOwnYieldCompany(f => ("query($id: ID!) { yieldTrend(companyId: $id, from: \"2025-01\", to: \"2025-03\") { definitionVersion } }", new { id = f.OwnCompanyId })), A, A, A, A, R),
        new("yieldRanking", Fixed("{ yieldRanking(period: \"2025\") { totalCount } }"), A, A, A, R, R),
        new("allianceSummary", Fixed("{ allianceSummary(period: \"2025\") { members } }"), A, A, A, R, R),
        new("dormantPartners", Fixed("{ dormantPartners(period: \"2025\") { totalCount } }"), A, A, A, R, R),
        new("yieldRows", OnOwnYieldCompany(f => ("query($id: ID!) { yieldRows(companyId: $id, period: \"2025\", measure: PLACEMENTS_STARTED) { totalCount } }", new { id = f.OwnCompanyId })), A, A, A, R, R),
    ];

    /// <summary>The reports read the read model: the own company must be in it (the projection may have put it there already).</summary>
    private static Func<MatrixFixture, Task<(string, object?)>> OnOwnYieldCompany(Func<MatrixFixture, (string, object?)> build)
        => async f =>
        {
            await using var db = f.Factory.NewDbContext();
            if (!await db.YieldCompanies.AnyAsync(c => c.CompanyId == f.OwnCompanyGuid))
            {
                db.YieldCompanies.Add(new YieldCompany { CompanyId = f.OwnCompanyGuid, Name = "Egen Virksomhed A/S", Cvr = "00000000", IndustryCode = "620100", IndustrySection = "J", OrdinaryEmployees = 40, MembershipStatus = "Active", JoinedOn = new DateOnly(2024, 1, 1) });
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException)
                {
                    // The projection added it in the meantime.
                }
            }

            return build(f);
        };
}
