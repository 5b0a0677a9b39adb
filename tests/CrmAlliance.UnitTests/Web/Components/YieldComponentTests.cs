using Bunit;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Companies.Pages;
using CrmAlliance.Api.Features.Yield;
using CrmAlliance.Api.Features.Yield.Pages;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Features.Yield.Reports;

namespace CrmAlliance.UnitTests.Web.Components;

/// <summary>
/// A company's yield as pages show it: the year's glance on the company page (pledged, started, fulfilment) and its
/// place among the others in the portal, with Danish numbers and dashes where there is nothing to show.
/// </summary>
public sealed class YieldComponentTests : ComponentTest
{
    private static readonly YieldOptions Options = new();

    /// <summary><paramref name="positions"/> pledged over <paramref name="days"/> days, one of them in the period: positions ÷ days.</summary>
    private static PledgedPositions Positions(int positions, int days)
        => PledgedPositions.Share(positions, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, days), new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1));

    private static PartnerYieldView Yield(YieldTotals totals, params (OfferKind Kind, YieldTotals Totals)[] byKind)
        => new(
            new YieldCompanyView(Guid.NewGuid(), "Bageriet A/S", "12345678", "107100", "C", 1200, "250+", "Member", null, null),
            ReportPeriod.Year(2026),
            YieldSlice.Whole,
            YieldOptions.DefaultVersion,
            new YieldMeasuresView(new YieldFigures(totals, Options)),
            [.. byKind.Select(k => new YieldOfferKindView(k.Kind, new YieldFigures(k.Totals, Options)))],
            null,
            false,
            0,
            null,
            null,
            null,
            null);

    private IRenderedComponent<CompanyYieldSummary> Summary(PartnerYieldView? yield)
        => Render<CompanyYieldSummary>(p => p.Add(x => x.Yield, yield).Add(x => x.Year, 2026));

    private static Dictionary<string, string> Glance(IRenderedComponent<CompanyYieldSummary> summary)
        => summary.FindAll("[data-testid=yield] div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);

    private IRenderedComponent<PositionRow> Row(YieldPosition? position)
        => Render<PositionRow>(p => p.Add(x => x.Name, "Hele alliancen").Add(x => x.Position, position));

    private static List<string> Cells(IRenderedComponent<PositionRow> row) => [.. row.FindAll("td").Select(td => td.TextContent)];

    [Fact]
    public void Before_the_figures_are_computed_the_company_page_says_so()
    {
        var summary = Summary(null);

        Assert.Equal("Udbytte i 2026", summary.Find("h2").TextContent);
        Assert.Equal("Tallene for virksomheden er ikke beregnet endnu. Prøv igen om lidt.", summary.Find("[data-testid=yield-pending]").TextContent);
        Assert.Empty(summary.FindAll("[data-testid=yield]"));
    }

    [Fact]
    public void The_glance_shows_pledged_started_and_fulfilment_in_Danish_numbers()
    {
        var summary = Summary(Yield(
            new YieldTotals { Pledged = Positions(1_500, 1), PlacementsStarted = 1_200, PositionsOffered = 2_345 },
            (OfferKind.Internship, new YieldTotals { Pledged = Positions(25, 2), PlacementsStarted = 1_000 }),
            (OfferKind.WageSubsidy, new YieldTotals { PlacementsStarted = 200 })));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Lovet"] = "1.500,00",
                ["Startet"] = "1.200",
                ["Indfriet"] = "80 %",
                ["Stillinger slået op"] = "2.345",
            },
            Glance(summary));
        Assert.Equal(
            [["virksomhedspraktik", "12,50", "1.000"], ["løntilskud", "0,00", "200"]],
            summary.FindAll("[data-testid=yield-by-kind] tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()));
    }

    [Fact]
    public void Without_a_pledge_there_is_no_fulfilment_to_show()
    {
        var summary = Summary(Yield(new YieldTotals { PlacementsStarted = 3 }));

        Assert.Equal("–", Glance(summary)["Indfriet"]);
        Assert.Equal("0,00", Glance(summary)["Lovet"]);
    }

    [Fact]
    public void In_English_the_glance_reads_in_English_with_Danish_numbers()
    {
        InEnglish();
        var summary = Summary(Yield(new YieldTotals { Pledged = Positions(1_500, 1), PlacementsStarted = 1_200, PositionsOffered = 2_345 }));

        Assert.Equal("Yield in 2026", summary.Find("h2").TextContent);
        Assert.Equal(["Pledged", "Started", "Fulfilled", "Positions offered"], Glance(summary).Keys);
        Assert.Equal("1.200", Glance(summary)["Started"]);
    }

    [Fact]
    public void A_group_the_company_has_no_place_in_shows_dashes()
    {
        var row = Row(null);

        Assert.Equal("Hele alliancen", row.Find("th[scope=row]").TextContent);
        Assert.Equal(["–", "–", "–"], Cells(row));
    }

    [Fact]
    public void A_place_shows_its_rank_the_share_it_beats_and_the_groups_median()
        => Assert.Equal(["3 af 40", "92 %", "1.234,5"], Cells(Row(new YieldPosition("alliance", 3, 40, Percentile: 92.0, MedianScore: 1234.5, MedianSuppressed: false))));

    [Fact]
    public void A_small_groups_median_is_hidden_and_a_missing_share_is_a_dash()
        => Assert.Equal(["1 af 3", "–", "skjult"], Cells(Row(new YieldPosition("size:1-9", 1, 3, Percentile: null, MedianScore: null, MedianSuppressed: true))));

    [Fact]
    public void In_English_a_place_and_a_hidden_median_read_in_English()
    {
        InEnglish();

        Assert.Equal(["1 of 3", "75 %", "hidden"], Cells(Row(new YieldPosition("size:1-9", 1, 3, Percentile: 75.0, MedianScore: null, MedianSuppressed: true))));
    }
}
