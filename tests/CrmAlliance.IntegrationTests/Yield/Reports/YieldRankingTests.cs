using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static CrmAlliance.IntegrationTests.Yield.Reports.YieldQueries;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

[Collection(YieldReportsCollection.Name)]
public sealed class YieldRankingTests(YieldReportsFixture world)
{
    private const string Ranking = Fragments + PositionFragment + """
        query($period: String!, $kind: OfferKind, $section: String, $band: String, $consultant: ID, $first: Int, $after: String) {
          yieldRanking(period: $period, offerKind: $kind, industrySection: $section, sizeBand: $band, consultantId: $consultant, first: $first, after: $after) {
            totalCount period definitionVersion pageInfo { hasNextPage endCursor }
            edges { node {
              company { id name } industrySection sizeBand employees score scoreBasisEmployees rank freeLabourRisk
              inIndustrySection { ...P } inSizeBand { ...P }
              measures { ...M }
            } }
          }
        }
        """;

    [Fact]
    public async Task Members_are_ranked_by_score_with_equal_scores_sharing_a_rank_and_listed_by_name()
    {
        var ranking = (await world.Manager.QueryAsync(Ranking, new { period = "2025", first = 100 }))["yieldRanking"];
        var rows = ranking!["edges"]!.AsArray().Select(e => e!["node"]).ToList();

        // Eta (joins 2026), Iota (left) and Omega (prospect) are not members in 2025.
        Assert.Equal(7, ranking.Int("totalCount"));
        Assert.Equal(["Alpha", "Gamma", "Beta", "Delta", "Epsilon", "Kappa", "Zeta"], ranking.Names());
        Assert.Equal([49.32, 10.5, 10, 2.5, 2.5, 0, 0], rows.Select(r => r.Double("score")));
        Assert.Equal([1, 2, 3, 4, 4, 6, 6], rows.Select(r => r.Int("rank")));
        Assert.Equal(["1 of 3", "2 of 3", "3 of 3", "1 of 3", "1 of 3", "1 of 1", "3 of 3"], rows.Select(r => r.Text("inIndustrySection.label")));
        Assert.Equal(["1 of 4", "1 of 1", "1 of 2", "2 of 4", "2 of 4", "2 of 2", "4 of 4"], rows.Select(r => r.Text("inSizeBand.label")));
        Assert.Equal([false, true, false, false, false, false, false], rows.Select(r => r.Bool("freeLabourRisk")));
        Assert.Equal(["C", "10–49", "40"], [rows[0].Text("industrySection"), rows[0].Text("sizeBand"), rows[0].Int("employees").ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(world.Id("Alpha"), rows[0].Text("company.id"));
        Assert.Equal(4, rows[0].Int("measures.placementsStarted"));
        Assert.Equal("2025", ranking.Text("period"));
        Assert.StartsWith("2026.1 (", ranking.Text("definitionVersion"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_follow_each_other_through_the_cursor()
    {
        var first = (await world.Manager.QueryAsync(Ranking, new { period = "2025", first = 3 }))["yieldRanking"];
        var second = (await world.Manager.QueryAsync(Ranking, new { period = "2025", first = 3, after = first.Text("pageInfo.endCursor") }))["yieldRanking"];
        var third = (await world.Manager.QueryAsync(Ranking, new { period = "2025", first = 3, after = second.Text("pageInfo.endCursor") }))["yieldRanking"];

        Assert.Equal(["Alpha", "Gamma", "Beta"], first.Names());
        Assert.Equal(["Delta", "Epsilon", "Kappa"], second.Names());
        Assert.Equal(["Zeta"], third.Names());
        Assert.True(second.Bool("pageInfo.hasNextPage"));
        Assert.False(third.Bool("pageInfo.hasNextPage"));
        Assert.Equal(7, third.Int("totalCount"));
    }

    [Fact]
    public async Task Filters_narrow_the_list_without_changing_ranks()
    {
        var sectionF = (await world.Manager.QueryAsync(Ranking, new { period = "2025", section = "f" }))["yieldRanking"];
        var band = (await world.Manager.QueryAsync(Ranking, new { period = "2025", band = "10-49" }))["yieldRanking"];
        var consultant = (await world.Manager.QueryAsync(Ranking, new { period = "2025", consultant = world.ConsultantId }))["yieldRanking"];

        Assert.Equal(["Delta", "Epsilon", "Zeta"], sectionF.Names());
        Assert.Equal([4, 4, 6], sectionF!["edges"]!.AsArray().Select(e => e!["node"].Int("rank")));
        Assert.Equal(["Alpha", "Delta", "Epsilon", "Zeta"], band.Names());
        Assert.Equal(["Alpha", "Zeta"], consultant.Names());
        Assert.Equal(2, consultant.Int("totalCount"));
    }

    [Fact]
    public async Task An_offer_kind_slice_ranks_by_the_kinds_figures()
    {
        var internships = (await world.Manager.QueryAsync(Ranking, new { period = "2025", kind = "INTERNSHIP" }))["yieldRanking"];
        var rows = internships!["edges"]!.AsArray().Select(e => e!["node"]).ToList();

        Assert.Equal(["Alpha", "Gamma", "Beta", "Delta", "Epsilon", "Kappa", "Zeta"], internships.Names());
        Assert.Equal([26.11, 10.5, 0, 0, 0, 0, 0], rows.Select(r => r.Double("score")));
        Assert.Equal([1, 2, 3, 3, 3, 3, 3], rows.Select(r => r.Int("rank")));
    }

    [Fact]
    public async Task The_ranking_reads_every_member_once_then_only_what_a_change_touched_and_nothing_while_unchanged()
    {
        // A period never read here: the read model's stamp, the members, one summed row per company and the pledges
        // overlapping the period (pro-rated exactly from the facts, not summed from cells).
        var (first, _) = await world.Factory.QueryCountingAsync(world.Manager, Ranking, new { period = "2025-Q2", kind = "MENTOR", first = 1 });
        var (firstLarge, _) = await world.Factory.QueryCountingAsync(world.Manager, Ranking, new { period = "2024-Q2", kind = "MENTOR", first = 100 });

        // Unchanged since: only the stamp is read.
        var (repeated, _) = await world.Factory.QueryCountingAsync(world.Manager, Ranking, new { period = "2025-Q2", kind = "MENTOR", first = 100 });

        // A change that touched no company (a new version, nothing logged): the stamp and the change log.
        var afterEmptyChange = await CountAfterChangeAsync(null, new { period = "2025-Q2", kind = "MENTOR", first = 100 });

        // A change to one company: the stamp, the log, and that company's membership, totals and pledges; nothing per row.
        var afterChange = await CountAfterChangeAsync(world.Companies["Alpha"].CompanyId, new { period = "2025-Q2", kind = "MENTOR", first = 100 });

        Assert.Equal(4, first);
        Assert.Equal(4, firstLarge);
        Assert.Equal(1, repeated);
        Assert.Equal(2, afterEmptyChange);
        Assert.Equal(5, afterChange);
    }

    /// <summary>SQL commands of a ranking query right after a new version of the read model that changed <paramref name="companyId"/> (or none).</summary>
    private async Task<int> CountAfterChangeAsync(Guid? companyId, object variables)
    {
        await using (var db = world.Factory.NewDbContext())
        {
            var state = await db.YieldState.SingleAsync();
            state.Version++;
            if (companyId is { } changed)
            {
                db.YieldChanges.Add(new YieldChange { Version = state.Version, CompanyId = changed });
            }

            await db.SaveChangesAsync();
        }

        return (await world.Factory.QueryCountingAsync(world.Manager, Ranking, variables)).Item1;
    }
}
