using CrmAlliance.Api.Features.Candidates;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL.Authorization;

public static partial class MatrixRows
{
    private static IEnumerable<MatrixRow> CandidateImport =>
    [
        new("importCandidates", With(_ => ("mutation($input: ImportCandidatesInput!) { importCandidates(input: $input) { committed } }",
            new { input = new { csv = $"caseReference,targetGroup,soughtOccupations,educationLevel,hasWorkExperience,postcode,availableFrom\n{TestData.NewCaseReference()},dagpenge,5223,erhvervsfaglig,ja,9000,2026-01-01\n" } })), R, A, R, R, R),
        new("withdrawCandidate", async f => ("mutation($input: WithdrawCandidateInput!) { withdrawCandidate(input: $input) { id } }",
            new { input = new { id = await AddActiveCandidateAsync(f), version = 1, reason = "Fundet arbejde selv" } }), R, A, R, R, R),
    ];

    /// <summary>A fresh candidate in the pool: each caller allowed to withdraw needs one not yet withdrawn.</summary>
    private static async Task<string> AddActiveCandidateAsync(MatrixFixture f)
    {
        await using var db = f.Factory.NewDbContext();
        var candidate = new Candidate { CaseReference = TestData.NewCaseReference(), DisplayAlias = "Kandidat W", Postcode = "9000", SoughtOccupations = ["5223"], AvailableFrom = TestData.Today };
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync();
        return GlobalId.Encode("Candidate", candidate.Id);
    }
}
