using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Placements;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL.Authorization;

public static partial class MatrixRows
{
    private static IEnumerable<MatrixRow> OutcomeImport =>
    [
        // A dry run of a valid line: an allowed caller gets the report, and the placement stays free for the next caller.
        new("importOutcomeFollowUps", async f => ("mutation($input: ImportOutcomeFollowUpsInput!) { importOutcomeFollowUps(input: $input) { committed outcomes { created } } }",
            new { input = new { csv = await EndedPlacementLineAsync(f), fileName = "matrix.csv", dryRun = true } }), A, A, A, R, R),
    ];

    /// <summary>An outcome file of one line for a fresh completed placement, with its candidate's reference.</summary>
    private static async Task<string> EndedPlacementLineAsync(MatrixFixture f)
    {
        var placementId = GlobalId.Parse(await f.AddPlacementAsync(PlacementStatus.Completed, OfferKind.OrdinaryJob), "Placement", "id");
        await using var db = f.Factory.NewDbContext();
        var reference = db.Placements.Where(p => p.Id == placementId).Join(db.Candidates, p => p.CandidateId, c => c.Id, (_, c) => c.CaseReference).Single();
        return $"caseReference,placementId,monthsAfterEnd,endResult\n{reference},{placementId},0,ORDINARY_JOB\n";
    }
}
