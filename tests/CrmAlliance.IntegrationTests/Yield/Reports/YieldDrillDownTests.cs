using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Outcomes;
using CrmAlliance.Api.Features.Yield.Dashboard;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Infrastructure.GraphQL;
using CrmAlliance.Api.Web;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CrmAlliance.IntegrationTests.Yield.Reports.YieldQueries;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>A generated read model (fixed seed): placements across period edges, running ones, missing results and follow-ups.</summary>
public sealed class GeneratedYieldFixture : IAsyncLifetime
{
    public CrmApiFactory Factory { get; } = new();

    public GraphQLClient Manager { get; private set; } = null!;

    public List<YieldCompany> Companies { get; } = [];

    /// <summary>Before the end of the periods tested, so running placements stop counting days here.</summary>
    public static readonly DateOnly DaysBookedThrough = new(2025, 8, 15);

    public async Task InitializeAsync()
    {
        var random = new Random(20251124);
        var world = new ReadModelArranger(Factory, DaysBookedThrough);
        var first = new DateOnly(2024, 10, 1);
        DateOnly Day() => first.AddDays(random.Next(365));
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        bool? FollowUp() => random.NextDouble() < 0.3 ? null : random.NextDouble() < 0.6;

        for (var c = 0; c < 5; c++)
        {
            var company = world.Company($"Generated {c}", "C", 10 + (20 * c));
            Companies.Add(company);
            for (var p = 0; p < 18; p++)
            {
                var start = Day();
                var running = random.NextDouble() < 0.25;
                var ended = running ? (DateOnly?)null : start.AddDays(random.Next(0, 200));
                EndResult? result = running || random.NextDouble() < 0.2 ? null : Pick(Enum.GetValues<EndResult>());

                // Internships and the insured unemployed are made common, so the slices tested are never empty.
                var kind = random.NextDouble() < 0.4 ? OfferKind.Internship : Pick(Enum.GetValues<OfferKind>());
                var group = random.NextDouble() < 0.4 ? TargetGroup.InsuredUnemployed : Pick(Enum.GetValues<TargetGroup>());
                world.Placement(company, kind, group, start, ended, result, endedEarly: !running && random.NextDouble() < 0.2,
                    selfSupporting1: running ? null : FollowUp(), selfSupporting3: running ? null : FollowUp(), selfSupporting6: running ? null : FollowUp(), selfSupporting12: running ? null : FollowUp());
            }

            for (var v = 0; v < 5; v++)
            {
                world.Vacancy(company, Pick(Enum.GetValues<OfferKind>()), random.Next(1, 6), Day());
            }

            for (var k = 0; k < 6; k++)
            {
                world.Contact(company, Day());
            }

            for (var k = 0; k < 2; k++)
            {
                var start = new DateOnly(2024, 6, 1).AddDays(random.Next(400));
                world.Pledge(company, start, start.AddDays(random.Next(30, 400)), random.Next(0, 4), random.Next(1, 4), random.Next(0, 4), random.Next(0, 2), random.Next(0, 2), random.Next(0, 3));
            }
        }

        // Edges: periods' first and last days, the as-of day, a running placement that started after it (no days yet).
        var edges = Companies[2];
        world.Placement(edges, OfferKind.Internship, TargetGroup.InsuredUnemployed, new DateOnly(2024, 12, 20), new DateOnly(2025, 1, 1), EndResult.OrdinaryJob, selfSupporting6: true);
        world.Placement(edges, OfferKind.Internship, TargetGroup.InsuredUnemployed, new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 1), EndResult.Education);
        world.Placement(edges, OfferKind.WageSubsidy, TargetGroup.Integration, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));
        world.Placement(edges, OfferKind.Internship, TargetGroup.InsuredUnemployed, DaysBookedThrough);
        world.Placement(edges, OfferKind.Internship, TargetGroup.InsuredUnemployed, DaysBookedThrough.AddDays(10));
        world.Vacancy(edges, OfferKind.Internship, 2, new DateOnly(2025, 6, 30));
        world.Contact(edges, new DateOnly(2025, 4, 1));
        world.Pledge(edges, new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 1), internships: 1);

        await world.SaveAsync(DaysBookedThrough);
        Manager = (await Factory.CreateUserAsync("MANAGER")).Client;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class YieldDrillDownTests(GeneratedYieldFixture world) : IClassFixture<GeneratedYieldFixture>
{
    /// <summary>Each measure and where its figure is in YieldMeasures; the rows' amounts add up to it.</summary>
    private static readonly (string Measure, string Figure)[] Measures =
    [
        ("VACANCIES_POSTED", "vacanciesPosted"), ("POSITIONS_OFFERED", "positionsOffered"), ("PLACEMENTS_STARTED", "placementsStarted"),
        ("FAR_FROM_MARKET_STARTED", "reach.count"), ("PLACEMENT_DAYS", "placementDays"), ("PLACEMENTS_ENDED", "placementsEnded"),
        ("ENDED_EARLY", "endedEarly"), ("END_RESULTS_RECORDED", "workOrEducation.base"), ("ENDED_ORDINARY_JOB", "endedOrdinaryJob.value"),
        ("ENDED_FLEX_JOB", "endedFlexJob.value"), ("ENDED_EDUCATION", "endedEducation.value"), ("ENDED_BACK_ON_BENEFITS", "endedBackOnBenefits.value"),
        ("ENDED_DROPPED_OUT", "endedDroppedOut.value"), ("WORK_OR_EDUCATION", "workOrEducation.count"), ("CONVERSION_ENDED", "conversion.base"),
        ("CONVERTED_TO_ORDINARY_JOB", "conversion.count"), ("FOLLOW_UP_1_RECORDED", "selfSupportingAfter1Month.base"), ("SELF_SUPPORTING_1", "selfSupportingAfter1Month.count"),
        ("FOLLOW_UP_3_RECORDED", "selfSupportingAfter3Months.base"), ("SELF_SUPPORTING_3", "selfSupportingAfter3Months.count"),
        ("FOLLOW_UP_6_RECORDED", "selfSupportingAfter6Months.base"), ("SELF_SUPPORTING_6", "selfSupportingAfter6Months.count"),
        ("FOLLOW_UP_12_RECORDED", "selfSupportingAfter12Months.base"), ("SELF_SUPPORTING_12", "selfSupportingAfter12Months.count"),
        ("CONTACTS", "contacts"), ("PLEDGED", "pledged"),
    ];

    public static TheoryData<string, string, string?, string?> Cases()
    {
        var data = new TheoryData<string, string, string?, string?>();
        foreach (var scope in new[] { "company", "alliance" })
        {
            foreach (var period in new[] { "2025", "2025-Q2", "2025-03", "2024-11..2025-02" })
            {
                data.Add(scope, period, null, null);
                data.Add(scope, period, "INTERNSHIP", null);
                data.Add(scope, period, null, "INSURED_UNEMPLOYED");
                data.Add(scope, period, "INTERNSHIP", "INSURED_UNEMPLOYED");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_figures_rows_add_up_to_it(string scope, string period, string? kind, string? group)
    {
        var companyId = scope == "company" ? GlobalId.Encode("Company", world.Companies[2].CompanyId) : null;
        var figures = await FiguresAsync(companyId, period, kind, group);
        var rows = await RowsAsync(companyId, period, kind, group);

        foreach (var (measure, figure) in Measures)
        {
            var (count, amount) = rows[measure];
            var expected = figures[figure];
            if (measure == "PLEDGED")
            {
                // The figure shows two decimals (per point of the alliance's series); the rows keep thousandths.
                Assert.True(Math.Abs(expected - amount) <= 0.011, $"{measure}: rows {amount}, figure {expected}");
            }
            else if (measure is "POSITIONS_OFFERED" or "PLACEMENT_DAYS")
            {
                Assert.True(expected == amount, $"{measure}: rows add up to {amount}, figure {expected}");
            }
            else
            {
                Assert.True(expected == count && expected == amount, $"{measure}: {count} rows (amount {amount}), figure {expected}");
            }
        }

        // The drill-down reaches vacancy rows for POSITIONS_OFFERED: as many as VACANCIES_POSTED.
        Assert.Equal(rows["VACANCIES_POSTED"].Count, rows["POSITIONS_OFFERED"].Count);
    }

    [Fact]
    public async Task The_generated_figures_are_not_trivially_zero()
    {
        var company = GlobalId.Encode("Company", world.Companies[2].CompanyId);
        var year = await FiguresAsync(company, "2025", null, null);
        var alliance = await FiguresAsync(null, "2025", "INTERNSHIP", "INSURED_UNEMPLOYED");

        var zeros = Measures.Where(m => year[m.Figure] == 0).Select(m => m.Measure).ToList();
        Assert.True(zeros.Count <= 3, "Too many empty figures to prove anything: " + string.Join(", ", zeros));
        Assert.True(alliance["placementsStarted"] > 0 && alliance["placementDays"] > 0);
    }

    public static TheoryData<YieldMeasure, string> RateCases() => new()
    {
        { YieldMeasure.FarFromMarketStarted, "reach" },
        { YieldMeasure.WorkOrEducation, "workOrEducation" },
        { YieldMeasure.ConvertedToOrdinaryJob, "conversion" },
        { YieldMeasure.SelfSupporting1, "selfSupportingAfter1Month" },
        { YieldMeasure.SelfSupporting3, "selfSupportingAfter3Months" },
        { YieldMeasure.SelfSupporting6, "selfSupportingAfter6Months" },
        { YieldMeasure.SelfSupporting12, "selfSupportingAfter12Months" },
    };

    [Theory]
    [MemberData(nameof(RateCases))]
    public async Task A_rates_drill_down_lists_its_base_page_by_page_and_its_marked_rows_are_its_count(YieldMeasure measure, string rate)
    {
        var manager = new Actor("manager", "manager@test.local", Role.Manager, null);
        var partial = 0;
        foreach (var company in world.Companies)
        {
            foreach (var period in new[] { "2025", "2025-Q2" })
            {
                var figures = await FiguresAsync(GlobalId.Encode("Company", company.CompanyId), period, null, null);
                var (count, total) = (figures[rate + ".count"], figures[rate + ".base"]);
                var (marked, rows, seen) = (0, 0, new HashSet<Guid>());
                for (var page = 1; ; page++)
                {
                    await using var scope = world.Factory.Services.CreateAsyncScope();
                    var drill = await scope.ServiceProvider.GetRequiredService<ManagementDashboard>()
                        .DrillDownAsync(company.CompanyId, period, measure, ListPaging.Request(page, 4), manager, CancellationToken.None);
                    var found = drill.Rows.Page;
                    Assert.NotNull(drill.Rate);
                    Assert.Equal((count, total), (drill.Rate.Rate.Count, drill.Rate.Rate.Base));
                    Assert.Equal(total, found.TotalCount);
                    Assert.All(found.Items, r => Assert.True(seen.Add(((YieldPlacementRow)r).Fact.PlacementId)));
                    marked += found.Items.Count(drill.Rate.Counts);
                    rows += found.Items.Count;
                    if (found.Items.Count == 0 || page >= ListPaging.PageCount(found.TotalCount, 4))
                    {
                        break;
                    }
                }

                Assert.True((count, total) == (marked, rows), $"{measure}, {company.Name}, {period}: {marked} marked of {rows} rows, figure {count} of {total}");
                partial += count > 0 && count < total ? 1 : 0;
            }
        }

        Assert.True(partial > 0, "No company with a rate strictly between 0 and 1: the marks prove nothing.");
    }

    [Fact]
    public async Task Rows_name_their_source_records_and_page_through()
    {
        var all = await world.Manager.QueryAsync("{ yieldRows(period: \"2025\", measure: PLACEMENT_DAYS, first: 100) { totalCount edges { node { __typename sourceId amount ... on YieldPlacementRow { daysInPeriod startedOn endedOn } } } } }");
        var page = await world.Manager.QueryAsync("{ yieldRows(period: \"2025\", measure: PLACEMENT_DAYS, first: 5) { totalCount pageInfo { hasNextPage } edges { node { sourceId } } } }");
        var pledges = await world.Manager.QueryAsync("{ yieldRows(period: \"2025\", measure: PLEDGED, first: 1) { edges { node { __typename sourceId } } } }");

        var nodes = all["yieldRows"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.All(nodes, n => Assert.Equal("YieldPlacementRow", n.Text("__typename")));
        Assert.All(nodes, n => Assert.True(GlobalId.TryDecode(n.Text("sourceId"), out var type, out _) && type == "Placement"));
        Assert.All(nodes, n => Assert.Equal(n.Double("amount"), n.Int("daysInPeriod")));
        Assert.True(page.Bool("yieldRows.pageInfo.hasNextPage"));
        Assert.Equal(nodes.Take(5).Select(n => n.Text("sourceId")), page["yieldRows"]!["edges"]!.AsArray().Select(e => e!["node"].Text("sourceId")));
        Assert.True(GlobalId.TryDecode(pledges.Text("yieldRows.edges.0.node.sourceId"), out var pledgeType, out _) && pledgeType == "Pledge");
    }

    /// <summary>The figures of one company (partnerYield) or the alliance (yieldTrend, its yearly points added up).</summary>
    private async Task<Dictionary<string, double>> FiguresAsync(string? companyId, string period, string? kind, string? group)
    {
        List<JsonNode?> measures;
        if (companyId is not null)
        {
            var data = await world.Manager.QueryAsync(PartnerYield, new { id = companyId, period, kind, group });
            measures = [data["partnerYield"]!["measures"]];
        }
        else
        {
            var data = await world.Manager.QueryAsync(
                Fragments + "query($from: String!, $kind: OfferKind, $group: TargetGroup) { yieldTrend(from: $from, to: $from, grain: YEAR, offerKind: $kind, targetGroup: $group) { points { measures { ...M } } } }",
                new { from = period, kind, group });
            measures = data["yieldTrend"]!["points"]!.AsArray().Select(p => p!["measures"]).ToList();
        }

        string[] rates = ["reach", "workOrEducation", "conversion", "selfSupportingAfter1Month", "selfSupportingAfter3Months", "selfSupportingAfter6Months", "selfSupportingAfter12Months"];
        return Measures.Select(m => m.Figure).Concat(rates.SelectMany(r => new[] { r + ".count", r + ".base" })).Distinct()
            .ToDictionary(f => f, f => measures.Sum(point => point.Double(f)));
    }

    /// <summary>Every measure's rows in one request (aliases), further pages fetched where there are more than 100.</summary>
    private async Task<Dictionary<string, (int Count, double Amount)>> RowsAsync(string? companyId, string period, string? kind, string? group)
    {
        var query = new StringBuilder("query($id: ID, $period: String!, $kind: OfferKind, $group: TargetGroup) {");
        foreach (var (measure, _) in Measures)
        {
            query.Append(CultureInfo.InvariantCulture, $" {measure}: yieldRows(companyId: $id, period: $period, measure: {measure}, offerKind: $kind, targetGroup: $group, first: 100) {{ totalCount pageInfo {{ hasNextPage }} edges {{ node {{ amount }} }} }}");
        }

        var data = await world.Manager.QueryAsync(query.Append(" }").ToString(), new { id = companyId, period, kind, group });
        var result = new Dictionary<string, (int, double)>();
        foreach (var (measure, _) in Measures)
        {
            var connection = data[measure]!;
            Assert.False(connection.Bool("pageInfo.hasNextPage"), $"{measure}: the generated set should fit in a page of 100");
            var amounts = connection["edges"]!.AsArray().Select(e => e!["node"].Double("amount")).ToList();
            Assert.Equal(connection.Int("totalCount"), amounts.Count);
            result[measure] = (amounts.Count, amounts.Sum());
        }

        return result;
    }
}
