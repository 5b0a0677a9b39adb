using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL.Authorization;

public static partial class MatrixRows
{
    private static IEnumerable<MatrixRow> Messaging =>
    [
        new("outboxStatus", Fixed("{ outboxStatus { backlog } }"), A, R, R, R, R),
        new("backgroundWork", Fixed("{ backgroundWork { kind } }"), A, R, R, R, R),
        new("consumerFailures", Fixed("{ consumerFailures { totalCount } }"), A, R, R, R, R),
        new("auditEntries", Fixed("{ auditEntries(first: 1) { totalCount } }"), A, R, R, R, R),
        new("matchingQuality", Fixed("{ matchingQuality { suggested } }"), A, A, A, R, R),
        new("acceptMatch", async f => ("mutation($input: AcceptMatchInput!) { acceptMatch(input: $input) { id } }",
            new { input = new { id = await f.AddSuggestedMatchAsync(), version = 1, plannedStart = MatrixFixture.InTwoMonths, plannedEnd = TestData.Today.AddMonths(3).ToString("yyyy-MM-dd") } }), R, A, R, R, R),
        new("dismissMatch", async f => ("mutation($input: DismissMatchInput!) { dismissMatch(input: $input) { id } }",
            new { input = new { id = await f.AddSuggestedMatchAsync(), version = 1, reason = "Mangler kørekort." } }), R, A, R, R, R),
    ];
}
