using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Yield.Monitoring;
using CrmAlliance.Api.Features.Yield.Reports;

namespace CrmAlliance.IntegrationTests.Yield.Monitoring;

/// <summary>The suppression rules on hand-made rows (no database).</summary>
public sealed class MonitoringSuppressionTests
{
    [Fact]
    public void One_withheld_part_of_a_table_takes_the_smallest_other_non_zero_part_with_it()
    {
        var rows = Counts(("All", 20), ("A", 12), ("B", 3), ("C", 5), ("D", 0));

        MonitoringSuppression.Apply(rows, 5);

        Assert.Equal<decimal?>([20, 12, null, null, 0], rows.Select(r => r.Value));
        Assert.Equal([false, false, true, true, false], rows.Select(r => r.Suppressed));
    }

    [Fact]
    public void With_no_other_part_to_withhold_the_total_goes()
    {
        // A: 10 of 12 (complement 2) is withheld; B has nothing, so A would be the total minus 0.
        var rows = new[]
        {
            MonitoringRow.Share("offerKind", "workOrEducation", "All", new YieldRate(10, 30)),
            MonitoringRow.Share("offerKind", "workOrEducation", "A", new YieldRate(10, 12)),
            MonitoringRow.Share("offerKind", "workOrEducation", "B", new YieldRate(0, 18)),
        };

        MonitoringSuppression.Apply(rows, 5);

        Assert.Equal<decimal?>([null, null, 0], rows.Select(r => r.Value));
        Assert.Equal<decimal?>([30, 12, 18], rows.Select(r => r.Base));
    }

    [Fact]
    public void A_rate_over_a_small_base_loses_its_base_and_a_target_row_follows_its_table_row()
    {
        var rows = new[]
        {
            MonitoringRow.Share("offerKind", "conversion", "All", new YieldRate(9, 20)),
            MonitoringRow.Share("offerKind", "conversion", "Internship", new YieldRate(2, 4)),
            MonitoringRow.Share("offerKind", "conversion", "WageSubsidy", new YieldRate(7, 16)),
            MonitoringRow.Share("effectTarget", "conversion", "WageSubsidy/All", new YieldRate(7, 16), partitioned: false, target: 40),
        };

        MonitoringSuppression.Apply(rows, 5);

        Assert.Equal([(decimal?)null, null], [rows[1].Value, rows[1].Base]);
        Assert.Equal([(decimal?)null, null], [rows[2].Value, rows[2].Base]);
        Assert.Equal([(decimal?)null, null], [rows[3].Value, rows[3].Base]);
        Assert.Equal(Api.Features.Yield.Targets.TargetStatus.Suppressed, rows[3].Status);
        Assert.Equal<decimal?>(9, rows[0].Value);
    }

    [Fact]
    public void Quarters_of_a_period_are_clipped_to_it()
    {
        Assert.Equal(
            ["2025-02..2025-03", "2025-Q2", "2025-07"],
            ReportPeriod.Parse("2025-02..2025-07").SplitInto(ReportPeriodKind.Quarter).Select(q => q.Label));
        Assert.Equal(["2025-Q4", "2026-Q1"], ReportPeriod.Parse("2025-10..2026-03").SplitInto(ReportPeriodKind.Quarter).Select(q => q.Label));
    }

    private static MonitoringRow[] Counts(params (string Slice, int Value)[] parts)
        => parts.Select(p => MonitoringRow.Count("offerKind", "placementsStarted", p.Slice, p.Value)).ToArray();
}
