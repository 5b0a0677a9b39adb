using System.CommandLine;
using System.Globalization;
using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.Api.Features.Retention;

/// <summary>
/// <c>erase-expired [--dry-run]</c>: the daily retention job's work, now. The dry run lists the candidates due by their
/// database id and the anonymous key their reference would become, never a personal value, and changes nothing.
/// </summary>
public sealed class EraseExpiredCommand(IServiceScopeFactory scopes) : ICliCommand
{
    private const string DryRun = "--dry-run";

    public string Name => "erase-expired";

    public string Usage => "Usage: erase-expired [--dry-run]";

    public Command CreateDefinition() => new(Name, "Erases the personal attributes of candidates whose retention period (Retention:CandidateYears) has run out, and records the run. Exit code: 0 done, 2 usage, 130 interrupted.")
    {
        new Option<bool>(DryRun) { Description = "list the candidates due (ids and anonymous keys only) and change nothing" },
    };

    public Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
        => RunAsync(parsed.GetValue<bool>(DryRun), output, cancellationToken);

    public async Task<int> RunAsync(bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<EraseExpiredCandidatesHandler>()
            .RunAsync($"erase-expired by {Environment.UserName} on {Environment.MachineName}", dryRun, cancellationToken);
        var c = CultureInfo.InvariantCulture;
        if (dryRun)
        {
            await output.WriteLineAsync(string.Create(c, $"Dry run: {result.Due.Count:N0} candidates due (withdrawn or last placement ended on or before {result.DueThrough:yyyy-MM-dd}); nothing changed."));
            foreach (var candidate in result.Due)
            {
                await output.WriteLineAsync(string.Create(c, $"  {candidate.Id} -> {candidate.AnonymousKey}"));
            }

            return 0;
        }

        await output.WriteLineAsync(string.Create(c, $"Erased {result.Erased:N0} candidates (due through {result.DueThrough:yyyy-MM-dd}); {result.Skipped:N0} skipped (erased by another run, or no longer due). The run is recorded."));
        return 0;
    }
}
