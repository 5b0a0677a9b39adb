using CrmAlliance.Api.Infrastructure.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL.Authorization;

public static partial class MatrixRows
{
    private static IEnumerable<MatrixRow> Retention =>
    [
        new("candidateAccessReport", async f => ("query($ref: String!) { candidateAccessReport(caseReference: $ref) { caseReference } }",
            new { @ref = await CaseReferenceAsync(f) }), A, R, R, R, R),
        new("eraseCompanyContact", async f => ("mutation($id: ID!) { eraseCompanyContact(id: $id) }",
            new { id = GlobalId.Encode("CompanyContact", await f.AddContactToOwnCompanyAsync()) }), A, A, R, R, R),
    ];

    private static async Task<string> CaseReferenceAsync(MatrixFixture fixture)
    {
        var id = GlobalId.Parse(fixture.CandidateId, "Candidate", "id");
        await using var db = fixture.Factory.NewDbContext();
        return await db.Candidates.Where(c => c.Id == id).Select(c => c.CaseReference).SingleAsync();
    }
}
