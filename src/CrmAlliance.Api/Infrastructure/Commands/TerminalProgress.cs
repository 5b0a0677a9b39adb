using System.Diagnostics;
using System.Globalization;

namespace CrmAlliance.Api.Infrastructure.Commands;

/// <summary>
/// Progress of one step of a long-running command on the terminal: done/total, percentage, rate and time left.
/// On an interactive terminal the line is rewritten in place; when output is redirected (CI, logs) a line is
/// written at most every few seconds. Thread-safe, so parallel workers can report to one instance.
/// </summary>
public sealed class TerminalProgress
{
    private readonly string label;
    private readonly long total;
    private readonly TextWriter output;
    private readonly bool interactive;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private long done;
    private TimeSpan lastPrinted = TimeSpan.MinValue;

    public TerminalProgress(string label, long total, TextWriter? output = null, bool? interactive = null)
    {
        this.label = label;
        this.total = Math.Max(total, 0);
        this.output = output ?? Console.Error;
        this.interactive = interactive ?? (output is null && !Console.IsErrorRedirected);
    }

    public long Done => Interlocked.Read(ref done);

    public void Advance(long count = 1)
    {
        var now = Interlocked.Add(ref done, count);
        var interval = interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);
        lock (gate)
        {
            if (clock.Elapsed < lastPrinted + interval)
            {
                return;
            }

            lastPrinted = clock.Elapsed;
            Print(now, final: false);
        }
    }

    /// <summary>Prints the final line with the elapsed time.</summary>
    public void Complete()
    {
        lock (gate)
        {
            Print(Done, final: true);
        }
    }

    /// <summary>The line as printed, e.g. "placements: 250,000/1,000,000 (25.0 %) 41,200/s, 18 s left".</summary>
    public static string Describe(string label, long done, long total, TimeSpan elapsed, bool final)
    {
        var culture = CultureInfo.InvariantCulture;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var share = total > 0 ? string.Create(culture, $" ({100.0 * done / total:0.0} %)") : "";
        var counts = total > 0 ? string.Create(culture, $"{done:N0}/{total:N0}") : string.Create(culture, $"{done:N0}");
        var tail = final
            ? string.Create(culture, $" in {FormatDuration(elapsed)}")
            : total > 0 && rate > 0 ? $", {FormatDuration(TimeSpan.FromSeconds((total - done) / rate))} left" : "";
        return string.Create(culture, $"{label}: {counts}{share} {rate:N0}/s{tail}");
    }

    private void Print(long current, bool final)
    {
        var line = Describe(label, current, total, clock.Elapsed, final);
        if (interactive)
        {
            output.Write("\r" + line.PadRight(78));
            if (final)
            {
                output.WriteLine();
            }
        }
        else
        {
            output.WriteLine(line);
        }
    }

    private static string FormatDuration(TimeSpan span)
        => span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min"
            : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
            : span.TotalSeconds >= 10 ? $"{(int)span.TotalSeconds} s"
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
