using CrmAlliance.Api.Features.Yield.Targets;
using CrmAlliance.Api.Infrastructure.GraphQL;

namespace CrmAlliance.IntegrationTests.Infrastructure.GraphQL.Authorization;

public static partial class MatrixRows
{
    // Each call needs a (year, measure) of its own: setEffectTarget refuses a second target for the same slice.
    private static int _targetYear = 2000;

    private static IEnumerable<MatrixRow> YieldTargets =>
    [
        new("effectTargets", Fixed("{ effectTargets(year: 2030) { id } }"), A, A, A, R, R),
        new("effectTargetResults", With(f => ("query($id: ID) { effectTargetResults(companyId: $id, period: \"2030\") { period } }", new { id = f.OwnCompanyId })), A, A, A, A, R),
        new("setEffectTarget", With(_ => ("mutation($input: SetEffectTargetInput!) { setEffectTarget(input: $input) { id } }",
            new { input = new { year = NextTargetYear(), measure = "WORK_OR_EDUCATION", targetPercent = 50 } })), A, R, A, R, R),
        new("removeEffectTarget", async f => ("mutation($id: ID!) { removeEffectTarget(id: $id) }", new { id = await AddEffectTargetAsync(f) }), A, R, A, R, R),
    ];

    private static int NextTargetYear() => 2000 + (Interlocked.Increment(ref _targetYear) % 100);

    private static async Task<string> AddEffectTargetAsync(MatrixFixture f)
    {
        await using var db = f.Factory.NewDbContext();
        var target = new EffectTarget { Year = NextTargetYear(), OfferKind = "All", TargetGroup = "All", Measure = TargetMeasure.Reach, TargetPercent = 40, SetBy = "matrix" };
        db.EffectTargets.Add(target);
        await db.SaveChangesAsync();
        return GlobalId.Encode("EffectTarget", target.Id);
    }
}
