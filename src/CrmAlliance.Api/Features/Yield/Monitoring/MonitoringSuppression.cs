using CrmAlliance.Api.Features.Yield.Reports;

namespace CrmAlliance.Api.Features.Yield.Monitoring;

/// <summary>
/// Suppression (diskretionering) of the monitoring report, which leaves the jobcenter:
/// <list type="number">
/// <item>primary: every count or amount from 1 to threshold − 1 is withheld, and every rate whose base, count or
/// complement is that small (the same rule as <see cref="YieldSuppression"/>, which it uses);</item>
/// <item>secondary: in a partitioned table (offer kinds, target groups, quarters, industry sections, active/dormant),
/// one withheld part could be recomputed as the total minus the others, so the smallest other non-zero part is
/// withheld as well (or, if there is none, the total);</item>
/// <item>effect-target rows follow the table row with the same figure, so a target cannot reveal what a table hides.</item>
/// </list>
/// </summary>
public static class MonitoringSuppression
{
    public static void Apply(IReadOnlyList<MonitoringRow> rows, int threshold)
    {
        var suppression = new YieldSuppression(threshold);
        foreach (var row in rows)
        {
            Primary(row, suppression);
        }

        var partitions = rows.Where(r => r.Partitioned && r.Section != MonitoringCodes.EffectTargetSection)
            .GroupBy(r => (r.Section, r.Measure))
            .Select(g => g.ToList())
            .ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var partition in partitions)
            {
                changed |= Complete(partition, r => r.Value, r => r.WithholdValue());
                if (partition[0].Kind == FigureKind.Rate)
                {
                    changed |= Complete(partition, r => r.Base, r => r.WithholdAll());
                }
            }
        }
        while (changed);

        FollowTables(rows);
    }

    private static void Primary(MonitoringRow row, YieldSuppression suppression)
    {
        switch (row.Kind)
        {
            case FigureKind.Count or FigureKind.Ratio when suppression.Hides((int)(row.Value ?? 0)):
                row.WithholdValue();
                break;

            // Placement-weeks are fractional: 0.4 weeks is as telling as 1.
            case FigureKind.Amount when row.Value is > 0 && row.Value < suppression.Threshold:
                row.WithholdValue();
                break;
            case FigureKind.Rate:
                var shown = suppression.Rate(new YieldRate((int)(row.Value ?? 0), (int)(row.Base ?? 0)));
                if (shown.Base is null)
                {
                    row.WithholdAll();
                }
                else if (shown.Suppressed)
                {
                    row.WithholdValue();
                }

                break;
        }
    }

    /// <summary>With the total shown and exactly one part withheld, withholds one more. True if it changed anything.</summary>
    private static bool Complete(List<MonitoringRow> partition, Func<MonitoringRow, decimal?> figure, Action<MonitoringRow> withhold)
    {
        var total = partition.Find(r => r.Slice == MonitoringCodes.All);
        if (total is null || figure(total) is null)
        {
            return false;
        }

        var parts = partition.Where(r => r != total).ToList();
        if (parts.Count(r => figure(r) is null) != 1)
        {
            return false;
        }

        var next = parts.Where(r => figure(r) is > 0).OrderBy(r => figure(r)).FirstOrDefault() ?? total;
        withhold(next);
        return true;
    }

    /// <summary>A target for one offer kind (or one target group, or all) shows the same figure as that table row.</summary>
    private static void FollowTables(IReadOnlyList<MonitoringRow> rows)
    {
        var tables = rows.Where(r => r.Section is MonitoringCodes.OfferKindSection or MonitoringCodes.TargetGroupSection)
            .ToDictionary(r => (r.Section, r.Measure, r.Slice));
        foreach (var target in rows.Where(r => r.Section == MonitoringCodes.EffectTargetSection))
        {
            var (kind, group) = (target.Slice.Split('/')[0], target.Slice.Split('/')[1]);
            var key = group == MonitoringCodes.All
                ? (MonitoringCodes.OfferKindSection, target.Measure, kind)
                : kind == MonitoringCodes.All ? (MonitoringCodes.TargetGroupSection, target.Measure, group) : default;
            if (!tables.TryGetValue(key, out var table))
            {
                continue;
            }

            if (table.Base is null && target.Base is not null)
            {
                target.WithholdAll();
            }
            else if (table.Value is null && target.Value is not null)
            {
                target.WithholdValue();
            }
        }
    }
}
