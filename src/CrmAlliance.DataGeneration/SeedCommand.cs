using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// Fills an empty database with the synthetic data set, then runs every <see cref="IAfterSeed"/> (the yield rebuild).
/// Exit codes: 0 done, 2 a database that is not empty, 1 an after-seed step failed (the data stays), 130
/// interrupted during an after-seed step (the seeded data stays); an interruption while seeding throws and
/// keeps nothing.
/// </summary>
public sealed class SeedCommand(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Reads the options (a <see cref="CliUsageException"/> for bad ones) and seeds, reporting on the terminal.</summary>
    public Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
        => RunAsync(SeedOptions.Parse(arguments, DanishCalendar.Today(clock)), Console.Error, cancellationToken);

    public async Task<int> RunAsync(SeedOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeding {options.Companies:N0} companies and {options.Placements:N0} placements from {options.From:yyyy-MM-dd} to {options.Until:yyyy-MM-dd} with seed {options.Seed} …"));

        SeedResult result;
        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                result = await ActivatorUtilities.GetServiceOrCreateInstance<SyntheticDataGenerator>(scope.ServiceProvider)
                    .GenerateAsync(options, new TerminalSeedProgress(), cancellationToken);
            }
            catch (SeedRefusedException refused)
            {
                await output.WriteLineAsync($"seed: {refused.Message}");
                return 2;
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Committed in {result.Elapsed.TotalSeconds:N1} s:"));
        foreach (var (table, rows) in result.RowsWritten.Where(r => r.Value > 0))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table,-18} {rows,12:N0}"));
        }

        var statistics = result.Statistics;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  ({statistics.ReusedCandidates:N0} placements of candidates placed before, {statistics.Conversions:N0} hires after an internship or wage subsidy, {statistics.KindFallbacks:N0} made ordinary jobs for want of a place under the ratio rule)"));

        return await RunAfterSeedAsync(output, cancellationToken);
    }

    private async Task<int> RunAfterSeedAsync(TextWriter output, CancellationToken cancellationToken)
    {
        int steps;
        await using (var scope = scopes.CreateAsyncScope())
        {
            steps = scope.ServiceProvider.GetServices<IAfterSeed>().Count();
        }

        for (var i = 0; i < steps; i++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var step = scope.ServiceProvider.GetServices<IAfterSeed>().ElementAt(i);
            var name = step.GetType().Name;
            await output.WriteLineAsync($"After seeding: {name} …");
            try
            {
                await step.RunAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Not the runner's "nothing was kept": the seeded rows are committed; only this step was undone.
                await output.WriteLineAsync($"seed: interrupted during {name}; the seeded data was committed and stays, {name} kept nothing. Run that step again (e.g. rebuild-yield).");
                return 130;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await output.WriteLineAsync($"seed: the data was committed, but {name} failed: {e.Message}");
                return 1;
            }
        }

        return 0;
    }
}

/// <summary>Each phase of a seed run as a progress line on the terminal (done/total, rate, time left).</summary>
public sealed class TerminalSeedProgress : ISeedProgress
{
    private TerminalProgress? current;

    public void PhaseStarted(string phase, long total) => current = new TerminalProgress(phase, total);

    public void Advanced(long count) => current?.Advance(count);

    public void PhaseCompleted()
    {
        current?.Complete();
        current = null;
    }

    public void RowsWritten(string table, long rowsWritten)
    {
    }
}
