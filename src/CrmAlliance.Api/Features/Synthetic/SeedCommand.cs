using System.Globalization;
using CrmAlliance.Api.Core;
using CrmAlliance.Api.Infrastructure.Commands;

namespace CrmAlliance.Api.Features.Synthetic;

/// <summary>
/// <c>seed</c>: fills an empty database with the synthetic data set, then runs every <see cref="IAfterSeed"/>.
/// Exit codes: 0 done, 2 bad options or a database that is not empty, 1 an after-seed step failed (the data
/// stays), 130 interrupted (nothing was kept; or, during an after-seed step, the seeded data stays).
/// </summary>
public sealed class SeedCommand(IServiceScopeFactory scopes, TimeProvider clock) : ICliCommand
{
    public string Name => "seed";

    public string Summary => "Fill an empty database with deterministic synthetic partners, vacancies, placements and outcomes.";

    public string Usage => string.Join(Environment.NewLine,
        "Options:",
        $"  --companies N     companies to create (1 to {SeedOptions.MaxCompanies:N0}; default {SeedOptions.DefaultCompanies})",
        $"  --placements N    placements in total (0 to {SeedOptions.MaxPlacements:N0}, at most {SeedOptions.MaxPlacementsPerCompany:N0} per company; default {SeedOptions.DefaultPlacements:N0})",
        $"  --seed N          random seed: the same options give the same rows, ids included (default {SeedOptions.DefaultSeed})",
        "  --until DATE      last day of the history, yyyy-MM-dd (default: the last day of the previous month)",
        $"  --years N         years of history ending at --until (1 to {SeedOptions.MaxYears}; default {SeedOptions.DefaultYears})",
        "  --ConnectionStrings:Crm=\"Data Source=/tmp/big.db\"   the database to fill (it must have no companies)",
        "Example: seed --companies 5000 --placements 1000000 --seed 42 --until 2026-10-31");

    public async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        var options = SeedOptions.Parse(arguments, DanishCalendar.Today(clock));
        arguments.EnsureAllUsed();
        var output = Console.Error;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeding {options.Companies:N0} companies and {options.Placements:N0} placements from {options.From:yyyy-MM-dd} to {options.Until:yyyy-MM-dd} with seed {options.Seed} …"));

        SeedResult result;
        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<SyntheticDataGenerator>()
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
