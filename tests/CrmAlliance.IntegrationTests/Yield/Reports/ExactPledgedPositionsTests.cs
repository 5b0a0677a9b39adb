using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.IntegrationTests.TestInfrastructure;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>
/// The oracle for pledged positions: recomputed here from the raw pledges by their definition (docs/domain.md: a
/// pledge's positions spread evenly over its days, so a period gets positions × its days inside the period ÷ the
/// pledge's days; the sum rounded once to two decimals, halves away from zero), every published figure must be
/// exactly that — months, quarters, years, the leap year 2024, pledges starting and ending mid-month, the alliance,
/// single companies and each offer kind — and fulfilment must divide by the exact value, not the rounded one.
/// </summary>
public sealed class ExactPledgedPositionsTests(ExactPledgedPositionsTests.World world) : IClassFixture<ExactPledgedPositionsTests.World>
{
    private static readonly string[] Kinds = ["ORDINARY_JOB", "INTERNSHIP", "WAGE_SUBSIDY", "ADULT_APPRENTICESHIP", "FLEX_JOB", "MENTOR"];

    private const string Trend = """
        query($company: ID, $grain: YieldGrain!, $kind: OfferKind) {
          yieldTrend(companyId: $company, from: "2023-06", to: "2026-12", grain: $grain, offerKind: $kind) {
            points { from to measures { pledged } }
          }
        }
        """;

    private const string Summary = """
        query($period: String!) {
          allianceSummary(period: $period) {
            totals { pledged }
            byOfferKind { offerKind pledged }
            quarters { from to measures { pledged } }
          }
        }
        """;

    [Fact]
    public async Task Every_month_quarter_and_year_of_the_alliance_and_of_companies_is_the_exact_value_rounded_once()
    {
        var wrong = new List<string>();
        foreach (var grain in new[] { "MONTH", "QUARTER", "YEAR" })
        {
            foreach (var kind in Kinds.Prepend(null))
            {
                await CompareTrendAsync(null, grain, kind, wrong);
            }

            foreach (var company in world.Companies.Take(4))
            {
                await CompareTrendAsync(company, grain, null, wrong);
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} published figures differ from the exact ones:\n" + string.Join("\n", wrong.Take(20)));
    }

    [Theory]
    [InlineData("2024")]
    [InlineData("2025")]
    [InlineData("2024-Q1")]
    [InlineData("2024-02")]
    [InlineData("2024-02..2025-03")]
    public async Task The_alliance_summary_its_offer_kinds_and_its_quarters_are_exact(string period)
    {
        var data = (await world.Manager.QueryAsync(Summary, new { period }))["allianceSummary"]!;
        var wrong = new List<string>();
        var (from, to) = Bounds(period);

        Check(wrong, $"alliance {period}", data["totals"]!["pledged"]!, Oracle(world.Pledges, from, to, null));
        foreach (var kind in data["byOfferKind"]!.AsArray())
        {
            var name = kind!["offerKind"]!.GetValue<string>();
            Check(wrong, $"alliance {period} {name}", kind["pledged"]!, Oracle(world.Pledges, from, to, name));
        }

        foreach (var quarter in data["quarters"]!.AsArray())
        {
            var (qFrom, qTo) = (Date(quarter!["from"]!), Date(quarter["to"]!));
            Check(wrong, $"alliance quarter {qFrom}", quarter["measures"]!["pledged"]!, Oracle(world.Pledges, qFrom, qTo, null));
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("2024")]
    [InlineData("2024-Q3")]
    [InlineData("2024-02")]
    public async Task A_companys_fulfilment_divides_by_the_exact_pledged_positions(string period)
    {
        var company = world.Companies[0];
        var yield = (await world.Manager.QueryAsync(YieldQueries.PartnerYield, new { id = ReadModelArranger.IdOf(company), period }))["partnerYield"]!;
        var (from, to) = Bounds(period);
        var own = world.Pledges.Where(p => p.CompanyId == company.CompanyId).ToList();
        var (n, d) = Exact(own, from, to, "INTERNSHIP");
        var internships = yield["byOfferKind"]!.AsArray().Single(k => k!["offerKind"]!.GetValue<string>() == "INTERNSHIP")!;
        var started = internships["placementsStarted"]!.GetValue<int>();

        Assert.True(started > 0);
        Assert.Equal(Rounded(n, d), internships["pledged"]!.GetValue<decimal>());
        Assert.Equal((double)(started * d * BigInteger.Pow(10, 15) / n) / 1e15, internships["fulfilment"]!.GetValue<double>(), 12);
        Assert.Equal(Rounded(Exact(own, from, to, null)), yield["measures"]!["pledged"]!.GetValue<decimal>());
    }

    private async Task CompareTrendAsync(YieldCompany? company, string grain, string? kind, List<string> wrong)
    {
        var id = company is null ? null : ReadModelArranger.IdOf(company);
        var points = (await world.Manager.QueryAsync(Trend, new { company = id, grain, kind }))["yieldTrend"]!["points"]!.AsArray();
        var pledges = company is null ? world.Pledges : world.Pledges.Where(p => p.CompanyId == company.CompanyId).ToList();
        Assert.NotEmpty(points);
        foreach (var point in points)
        {
            var (from, to) = (Date(point!["from"]!), Date(point["to"]!));
            Check(wrong, $"{(company is null ? "alliance" : company.Name)} {grain} {kind ?? "all"} {from}..{to}", point["measures"]!["pledged"]!, Oracle(pledges, from, to, kind));
        }
    }

    private static void Check(List<string> wrong, string what, JsonNode published, decimal exact)
    {
        var shown = published.GetValue<decimal>();
        if (shown != exact)
        {
            wrong.Add($"{what}: published {shown}, exact {exact}");
        }
    }

    private static decimal Oracle(IEnumerable<RawPledge> pledges, DateOnly from, DateOnly to, string? kind) => Rounded(Exact(pledges, from, to, kind));

    /// <summary>Σ positions × days inside ÷ pledge days, as one fraction (numerator, denominator).</summary>
    private static (BigInteger N, BigInteger D) Exact(IEnumerable<RawPledge> pledges, DateOnly from, DateOnly to, string? kind)
    {
        var (n, d) = (BigInteger.Zero, BigInteger.One);
        foreach (var p in pledges)
        {
            var positions = kind is null ? p.Positions.Sum() : p.Positions[Array.IndexOf(Kinds, kind)];
            var first = p.Start > from ? p.Start : from;
            var last = p.End < to ? p.End : to;
            var inside = last < first ? 0 : last.DayNumber - first.DayNumber + 1;
            var days = p.End.DayNumber - p.Start.DayNumber + 1;
            (n, d) = ((n * days) + (d * positions * inside), d * days);
        }

        return (n, d);
    }

    private static decimal Rounded((BigInteger N, BigInteger D) value) => Rounded(value.N, value.D);

    /// <summary>Two decimals, halves away from zero (every value here is ≥ 0).</summary>
    private static decimal Rounded(BigInteger n, BigInteger d) => (decimal)(((200 * n) + d) / (2 * d)) / 100m;

    private static DateOnly Date(JsonNode node) => DateOnly.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);

    private static (DateOnly From, DateOnly To) Bounds(string period)
    {
        var parsed = CrmAlliance.Api.Core.ReportPeriod.Parse(period);
        return (parsed.Start, parsed.End);
    }

    public sealed record RawPledge(Guid CompanyId, DateOnly Start, DateOnly End, int[] Positions);

    /// <summary>
    /// 30 members with back-to-back pledges of 6 to 500 days from mid-2023 to mid-2026 (random but fixed), plus edges:
    /// the leap year 2024, a pledge from 29 February, one inside a single month, one ending on 29 February.
    /// Edges started internships in 2024 (for fulfilment).
    /// </summary>
    public sealed class World : IAsyncLifetime
    {
        public CrmApiFactory Factory { get; } = new();

        public GraphQLClient Manager { get; private set; } = null!;

        public List<RawPledge> Pledges { get; } = [];

        public List<YieldCompany> Companies { get; } = [];

        public async Task InitializeAsync()
        {
            var arrange = new ReadModelArranger(Factory);
            var random = new Random(13);
            for (var c = 0; c < 30; c++)
            {
                var company = arrange.Company(name: $"Pledger {c:00}");
                Companies.Add(company);
                var start = new DateOnly(2023, 6, 1).AddDays(random.Next(60));
                while (start < new DateOnly(2026, 6, 1))
                {
                    var end = start.AddDays(random.Next(5, 500));
                    Add(arrange, company, start, end, Enumerable.Range(0, 6).Select(_ => random.Next(0, 8)).ToArray());
                    start = end.AddDays(1 + random.Next(0, 45));
                }
            }

            var edges = arrange.Company(name: "Edges");
            Companies.Insert(0, edges);
            Add(arrange, edges, new DateOnly(2023, 3, 1), new DateOnly(2024, 2, 29), [1, 1, 0, 0, 0, 0]);
            Add(arrange, edges, new DateOnly(2024, 3, 1), new DateOnly(2024, 12, 31), [3, 7, 1, 0, 2, 1]);
            Add(arrange, edges, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), [364, 0, 0, 0, 0, 0]);
            Add(arrange, edges, new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 17), [0, 1, 0, 0, 0, 0]);
            var leap = arrange.Company(name: "Leap");
            Companies.Insert(2, leap);
            Add(arrange, leap, new DateOnly(2024, 2, 29), new DateOnly(2025, 2, 27), [2, 5, 1, 1, 1, 1]);
            arrange.Placements(7, edges, OfferKind.Internship, TargetGroup.InsuredUnemployed, new DateOnly(2024, 2, 12), new DateOnly(2024, 3, 20))
                .Placements(4, edges, OfferKind.Internship, TargetGroup.InsuredUnemployed, new DateOnly(2024, 8, 5), new DateOnly(2024, 9, 20));

            await arrange.SaveAsync();
            Manager = (await Factory.CreateUserAsync("MANAGER")).Client;
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        private void Add(ReadModelArranger arrange, YieldCompany company, DateOnly start, DateOnly end, int[] positions)
        {
            arrange.Pledge(company, start, end, positions[0], positions[1], positions[2], positions[3], positions[4], positions[5]);
            Pledges.Add(new RawPledge(company.CompanyId, start, end, positions));
        }
    }
}
