using System.CommandLine;
using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Features.Accounts;
using CrmAlliance.Api.Features.Candidates.Import;
using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.Api.Features.Outcomes.Import;

/// <summary>
/// <c>import-outcomes &lt;file.csv&gt; --as &lt;e-mail&gt; [--dry-run]</c>: the register import from the
/// command line, for files too large to send through the web. It runs the same handler as
/// <c>importOutcomeFollowUps</c>, as the named staff user, shows lines validated and outcomes written, and
/// writes in one transaction that Ctrl+C rolls back.
/// </summary>
public sealed class ImportOutcomesCommand(IServiceScopeFactory scopes) : ICliCommand
{
    /// <summary>Rejected lines printed in full; the rest are counted.</summary>
    public const int RejectionsShown = 50;

    private const string File = "file.csv";
    private const string As = "--as";
    private const string DryRun = "--dry-run";
    private const string SourceName = "--name";

    public string Name => "import-outcomes";

    public string Usage => "Usage: import-outcomes <file.csv> --as <e-mail> [--dry-run] [--name <source>]";

    public Command CreateDefinition() => new(Name, "Imports outcome follow-ups from a national-register CSV file, all or nothing. Exit code: 0 written (or a clean dry run), 1 lines rejected or the user refused, 2 usage, 130 interrupted.")
    {
        new Argument<string>(File) { Description = "the register extract (columns: src/CrmAlliance.Api/Features/Outcomes/Import/OutcomeImportFormat.md)" },
        new Option<string>(As) { HelpName = "e-mail", Description = "the staff user (Consultant, Manager or Admin) the import is recorded as" },
        new Option<bool>(DryRun) { Description = "check every line and report, write nothing" },
        new Option<string>(SourceName) { HelpName = "source", Description = "the source stored on each outcome (default: the file's name)" },
    };

    public Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
        => RunAsync(new ImportOutcomesOptions(parsed.GetValue<string>(File) ?? "", parsed.GetValue<string>(As), parsed.GetValue<bool>(DryRun), parsed.GetValue<string>(SourceName)), output, cancellationToken);

    public async Task<int> RunAsync(ImportOutcomesOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.AsEmail))
        {
            throw new CliUsageException("--as <e-mail> is required: the import is recorded as that staff user's.");
        }

        if (!System.IO.File.Exists(options.Path))
        {
            throw new CliUsageException($"there is no file {options.Path}.");
        }

        // A file that is not UTF-8 decodes with replacement characters, which the import refuses with its reason.
        var csv = await System.IO.File.ReadAllTextAsync(options.Path, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var actor = await scope.ServiceProvider.GetRequiredService<CommandLineActors>().ByEmailAsync(options.AsEmail, cancellationToken);
            var progress = new TerminalReporter(output);
            var report = await scope.ServiceProvider.GetRequiredService<ImportOutcomeFollowUpsHandler>()
                .HandleAsync(new ImportOutcomeFollowUpsInput(csv, options.SourceName ?? Path.GetFileName(options.Path), options.DryRun), actor, progress, cancellationToken);
            progress.Complete();
            await WriteReportAsync(report, actor, output);
            return report.RejectedLineCount == 0 ? 0 : 1;
        }
        catch (CrmException refusal)
        {
            await output.WriteLineAsync($"{Name}: refused ({refusal.Code}{(refusal.Field is null ? "" : ", " + refusal.Field)}): {refusal.Message}");
            return 1;
        }
    }

    private static async Task WriteReportAsync(OutcomeImportReport report, Actor actor, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var verdict = report.Committed ? $"written as {actor.Email} ({actor.Role}), source '{report.Source}'"
            : report.DryRun ? "dry run: nothing written"
            : "nothing written: fix the rejected lines and run it again";
        await output.WriteLineAsync(string.Create(c, $"{report.LineCount:N0} lines: {report.Outcomes.Created:N0} created, {report.Outcomes.Updated:N0} corrected, {report.Outcomes.Unchanged:N0} unchanged, {report.RejectedLineCount:N0} rejected; {report.EventsStaged:N0} events staged. {verdict}."));
        var rejected = report.LinesWith([ImportLineStatus.Rejected]).ToList();
        foreach (var line in rejected.Take(RejectionsShown))
        {
            foreach (var error in line.Errors)
            {
                await output.WriteLineAsync(string.Create(c, $"  line {line.Line}, {error.Field}: {error.Reason}"));
            }
        }

        if (rejected.Count > RejectionsShown)
        {
            await output.WriteLineAsync(string.Create(c, $"  … and {rejected.Count - RejectionsShown:N0} more rejected lines (use --dry-run and importOutcomeFollowUps' report to see them all)."));
        }
    }

    /// <summary>Turns the handler's progress into one terminal progress line per stage.</summary>
    private sealed class TerminalReporter(TextWriter output) : IProgress<OutcomeImportProgress>
    {
        private TerminalProgress? current;
        private OutcomeImportStage stage;
        private int reported;

        public void Report(OutcomeImportProgress value)
        {
            if (current is null || value.Stage != stage)
            {
                current?.Complete();
                var label = value.Stage == OutcomeImportStage.Validating ? "lines validated" : "outcomes written";

                // On the real terminal the line is rewritten in place; a captured writer gets plain lines.
                current = new TerminalProgress(label, value.Total, ReferenceEquals(output, Console.Error) ? null : output);
                stage = value.Stage;
                reported = 0;
            }

            if (value.Done > reported)
            {
                current.Advance(value.Done - reported);
                reported = value.Done;
            }
        }

        public void Complete() => current?.Complete();
    }
}

/// <summary>What <c>import-outcomes</c> was asked to do: the file, the staff user it is recorded as, and whether to write.</summary>
public sealed record ImportOutcomesOptions(string Path, string? AsEmail, bool DryRun = false, string? SourceName = null);
