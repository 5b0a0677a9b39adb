using System.Text;
using System.Text.RegularExpressions;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using CrmAlliance.IntegrationTests.Yield.Projection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Retention;

/// <summary>
/// The yield oracle's way (IncrementalEqualsRebuiltTests): a seeded random scenario through the real mutations and the bus,
/// then every published figure — partner yield per company, target group and offer kind, the alliance summary, the
/// monitoring report, the raw-row exports — and the read model itself, before and after the candidates are erased, and
/// after a rebuild from the raw rows: all equal.
/// </summary>
public class ErasureKeepsYieldFiguresTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private static readonly string[] EndResults = ["ORDINARY_JOB", "FLEX_JOB", "EDUCATION", "BACK_ON_BENEFITS", "DROPPED_OUT"];

    [Fact]
    public async Task Every_published_figure_is_the_same_before_and_after_erasure_and_after_a_rebuild()
    {
        var random = new Random(20261207);
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var manager = (await factory.CreateUserAsync("MANAGER")).Client;
        var companies = new List<TestWorkplace>();
        foreach (var employees in new[] { 60, 120, 300 })
        {
            companies.Add(await consultant.RegisterWorkplaceAsync(employees));
        }

        var groups = Enum.GetValues<TargetGroup>().Where(g => g is not TargetGroup.ResourceProgramme).ToArray();
        var ended = new List<Guid>();
        for (var i = 0; i < 16; i++)
        {
            var at = companies[random.Next(companies.Count)];
            var candidate = await factory.CreateCandidateAsync(groups[random.Next(groups.Length)]);
            if (random.Next(5) == 0)
            {
                var start = Today.AddDays(-random.Next(2, 20));
                var approved = await consultant.ApprovedInternshipAsync(candidate, at, start);
                await consultant.MutateOkAsync("startPlacement", new { id = Id(approved), version = Version(approved), actualStart = start.Iso() });
                continue;
            }

            var end = Today.AddDays(-random.Next(0, 420));
            var placement = await consultant.CompletedInternshipAsync(candidate, at, end);
            ended.Add(candidate.Id);
            await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(placement), monthsAfterEnd = 0, endResult = EndResults[random.Next(EndResults.Length)] }, OutcomeFields);
            foreach (var months in new[] { 1, 3, 6, 12 }.Where(m => end.AddMonths(m) <= Today && random.Next(3) > 0))
            {
                await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(placement), monthsAfterEnd = months, selfSupporting = random.Next(2) == 0 }, OutcomeFields);
            }
        }

        var readModelBefore = await ReadModelSnapshot.SettledAsync(factory);
        var figuresBefore = await PublishedFiguresAsync(manager, companies);

        var result = await factory.EraseAsOfAsync(Today);

        Assert.Superset(result.Due.Select(d => d.Id).ToHashSet(), ended.ToHashSet());
        Assert.Equal(ended.Count, result.Erased);
        var readModelAfter = await ReadModelSnapshot.SettledAsync(factory);
        Assert.Equal(readModelBefore, readModelAfter);
        Assert.Equal(figuresBefore, await PublishedFiguresAsync(manager, companies));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        await using var db = factory.NewDbContext();
        Assert.Equal(readModelBefore, await ReadModelSnapshot.TakeAsync(db));
        Assert.Equal(figuresBefore, await PublishedFiguresAsync(manager, companies));
        Assert.All(await db.Candidates.Where(c => ended.Contains(c.Id)).ToListAsync(), c => Assert.NotNull(c.ErasedAt));
    }

    private static async Task<string> PublishedFiguresAsync(GraphQLClient manager, IReadOnlyList<TestWorkplace> companies)
    {
        var text = new StringBuilder();
        foreach (var period in new[] { (Today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            foreach (var company in companies)
            {
                foreach (var group in new string?[] { null, "INSURED_UNEMPLOYED", "NEW_GRADUATE", "FLEX_JOB_SEEKER" })
                {
                    var yield = await manager.SendAsync(Yield.Reports.YieldQueries.PartnerYield, new { id = company.CompanyId, period, kind = (string?)null, group });
                    Assert.True(yield.Errors.Count == 0, yield.Body);
                    text.AppendLine(yield.Data!.ToJsonString());
                }
            }

            var summary = await manager.SendAsync(
                Yield.Reports.YieldQueries.Fragments + "query($period: String!) { allianceSummary(period: $period) { period members activeMembers cooperatedMembers totals { ...M } } }",
                new { period });
            Assert.True(summary.Errors.Count == 0, summary.Body);
            text.AppendLine(summary.Data!.ToJsonString());
            foreach (var path in new[] { $"/reports/monitoring.csv?period={period}", $"/exports/placements.csv?period={period}", $"/exports/outcomes.csv?period={period}" })
            {
                using var response = await manager.Http.GetAsync(new Uri(path, UriKind.Relative));
                response.EnsureSuccessStatusCode();
                // The monitoring report says when it was made; that moment is not a figure.
                text.AppendLine(path).AppendLine(Regex.Replace(await response.Content.ReadAsStringAsync(), @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "<made at>"));
            }
        }

        return text.ToString();
    }
}

/// <summary>Erasure keeps every figure on PostgreSQL too.</summary>
[OnPostgres]
public sealed class ErasureKeepsYieldFiguresOnPostgresTests(PostgresApiFactory factory) : ErasureKeepsYieldFiguresTests(factory), IClassFixture<PostgresApiFactory>;
