using System.Globalization;
using System.Net;
using System.Text;

namespace CrmAlliance.Api.Features.Yield.Monitoring;

/// <summary>A bar: a null value is withheld or missing and drawn as text only; the marker is a target line.</summary>
public sealed record ChartBar(string Label, double? Value, string Shown, double? Marker = null);

public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, string Colour);

/// <summary>
/// Server-side inline SVG charts for the printable report: no scripts, no external assets, a title and a
/// description (the figures in words) for screen readers, colours that survive greyscale printing.
/// </summary>
public static class SvgCharts
{
    public const string Blue = "#1f5f8b";
    public const string Orange = "#b35900";
    private const string TargetRed = "#b00020";
    private const int Width = 680;
    private static readonly int[] NiceSteps = [1, 2, 5, 10];

    /// <summary>Horizontal bars with their values written after them; markers draw a target line.</summary>
    public static string HorizontalBars(string id, string title, string description, IReadOnlyList<ChartBar> bars, double max)
    {
        const int rowHeight = 24, top = 10;

        // Wide enough for the longest label at about 6.6 px a character (12 px sans-serif), within reason.
        var labelWidth = (int)Math.Clamp((bars.Select(b => b.Label.Length).DefaultIfEmpty(0).Max() * 6.6) + 12, 120, 420);
        var barArea = Width - labelWidth - 70;
        var hasMarkers = bars.Any(b => b.Marker is not null);
        var height = top + (bars.Count * rowHeight) + (hasMarkers ? 34 : 12);
        var scale = max <= 0 ? 0 : barArea / max;
        var svg = Open(id, title, description, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + (i * rowHeight);
            svg.Append(Invariant($"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" class=\"chart-label\">{Encode(bar.Label)}</text>"));
            var length = bar.Value is { } v ? Math.Max(v * scale, v > 0 ? 1 : 0) : 0;
            if (bar.Value is not null)
            {
                svg.Append(Invariant($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{length:0.#}\" height=\"{rowHeight - 8}\" fill=\"{Blue}\" />"));
            }

            var markerX = bar.Marker is { } marker ? labelWidth + (marker * scale) : 0;
            svg.Append(Invariant($"<text x=\"{Math.Max(labelWidth + length, markerX) + 6:0.#}\" y=\"{y + 16}\" class=\"chart-value\">{Encode(bar.Shown)}</text>"));
            if (bar.Marker is not null)
            {
                var x = markerX;
                svg.Append(Invariant($"<line x1=\"{x:0.#}\" y1=\"{y + 1}\" x2=\"{x:0.#}\" y2=\"{y + rowHeight - 1}\" stroke=\"{TargetRed}\" stroke-width=\"3\" stroke-dasharray=\"4 2\" />"));
            }
        }

        svg.Append(Invariant($"<line x1=\"{labelWidth}\" y1=\"{top}\" x2=\"{labelWidth}\" y2=\"{top + (bars.Count * rowHeight)}\" stroke=\"#333\" />"));
        if (hasMarkers)
        {
            var y = top + (bars.Count * rowHeight) + 20;
            svg.Append(Invariant($"<line x1=\"{labelWidth}\" y1=\"{y - 5}\" x2=\"{labelWidth + 24}\" y2=\"{y - 5}\" stroke=\"{TargetRed}\" stroke-width=\"3\" stroke-dasharray=\"4 2\" />"));
            svg.Append(Invariant($"<text x=\"{labelWidth + 30}\" y=\"{y}\" class=\"chart-label\">Mål</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Grouped columns per category (e.g. quarters) for a few series, with a legend and a value axis.</summary>
    public static string Columns(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        const int left = 56, top = 30, plotHeight = 200, bottom = 40;
        var height = top + plotHeight + bottom;
        var max = NiceMax(series.SelectMany(s => s.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max());
        var groupWidth = (Width - left - 10) / (double)Math.Max(categories.Count, 1);
        var barWidth = Math.Min(40, (groupWidth * 0.8) / series.Count);
        var svg = Open(id, title, description, height);
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = max * tick / 4;
            var y = top + plotHeight - (plotHeight * tick / 4.0);
            svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{Width - 10}\" y2=\"{y:0.#}\" stroke=\"#ccc\" />"));
            svg.Append(Invariant($"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"chart-label\">{MonitoringLabels.Count((decimal)value)}</text>"));
        }

        for (var c = 0; c < categories.Count; c++)
        {
            var groupLeft = left + (c * groupWidth) + ((groupWidth - (barWidth * series.Count)) / 2);
            for (var s = 0; s < series.Count; s++)
            {
                var x = groupLeft + (s * barWidth);
                if (series[s].Values[c] is { } v)
                {
                    var h = max <= 0 ? 0 : plotHeight * v / max;
                    svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{top + plotHeight - h:0.#}\" width=\"{barWidth - 2:0.#}\" height=\"{h:0.#}\" fill=\"{series[s].Colour}\" />"));
                }
                else
                {
                    svg.Append(Invariant($"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{top + plotHeight - 4}\" text-anchor=\"middle\" class=\"chart-value\">*</text>"));
                }
            }

            svg.Append(Invariant($"<text x=\"{left + (c * groupWidth) + (groupWidth / 2):0.#}\" y=\"{top + plotHeight + 18}\" text-anchor=\"middle\" class=\"chart-label\">{Encode(categories[c])}</text>"));
        }

        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{Width - 10}\" y2=\"{top + plotHeight}\" stroke=\"#333\" />"));
        for (var s = 0; s < series.Count; s++)
        {
            var x = left + (s * 200);
            svg.Append(Invariant($"<rect x=\"{x}\" y=\"6\" width=\"14\" height=\"14\" fill=\"{series[s].Colour}\" />"));
            svg.Append(Invariant($"<text x=\"{x + 20}\" y=\"18\" class=\"chart-label\">{Encode(series[s].Name)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A round axis maximum at or above the largest value: 1, 2 or 5 times a power of ten.</summary>
    public static double NiceMax(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return NiceSteps.Select(m => m * power).First(m => m >= value);
    }

    private static StringBuilder Open(string id, string title, string description, int height)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">"));
        svg.Append(Invariant($"<title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>"));
        return svg;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
