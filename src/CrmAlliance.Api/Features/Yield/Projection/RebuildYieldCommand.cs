using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary><c>rebuild-yield</c>: recomputes the yield read model from the raw rows aside and swaps it in, with progress; Ctrl+C keeps the old one.</summary>
public sealed class RebuildYieldCommand(YieldRebuild rebuild) : ICliCommand
{
    private const string BookThrough = "--book-through";

    public string Name => "rebuild-yield";

    public string Usage => "Usage: rebuild-yield [--book-through YYYY-MM-DD]";

    public Command CreateDefinition() => new(Name, "Recompute the partner-yield read model from the raw rows aside (writers go on) and swap it in.")
    {
        new Option<string>(BookThrough) { HelpName = "YYYY-MM-DD", Description = "book running placements' days through this day (default: yesterday)" },
    };

    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var text = parsed.GetValue<string>(BookThrough);
        DateOnly? bookThrough = null;
        if (text is not null)
        {
            bookThrough = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new CliUsageException($"{BookThrough} must be a date like 2026-10-31, not '{text}'.");
        }

        var started = Stopwatch.GetTimestamp();
        var result = await rebuild.RunAsync(bookThrough, output, cancellationToken);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Rebuilt the yield read model in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: {result.Companies:N0} companies, {result.Placements:N0} placements, {result.Vacancies:N0} vacancies, {result.Contacts:N0} contacts, {result.Pledges:N0} pledges, {result.Cells:N0} cells; days booked through {result.DaysBookedThrough:yyyy-MM-dd}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB."));
        return 0;
    }
}
