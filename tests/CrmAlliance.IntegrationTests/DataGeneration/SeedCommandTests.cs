using CrmAlliance.DataGeneration;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.DataGeneration;

/// <summary>The generator's seed command as its command line runs it: options, refusal, exit codes and the after-seed steps.</summary>
public sealed class SeedCommandTests
{
    private static readonly string[] Tiny = ["--companies", "4", "--placements", "40", "--seed", "3", "--until", "2026-06-30", "--years", "1"];

    [Theory]
    [InlineData("--companies 0", "--companies must be between 1 and 100,000; got 0.")]
    [InlineData("--until 2026-13-01", "--until must be a date written yyyy-MM-dd, not '2026-13-01'.")]
    [InlineData("--compnies 5", "Unknown option: --compnies.")]
    public async Task Bad_options_are_refused_with_the_reason_and_the_usage_and_exit_code_2(string arguments, string message)
    {
        using var factory = new CrmApiFactory();
        using var output = new StringWriter();

        var exitCode = await SeedCommandLine.RunAsync(factory.Services, arguments.Split(' '), output);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--placements N", output.ToString(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Companies.AnyAsync());
    }

    [Fact]
    public async Task A_run_commits_then_runs_the_after_seed_steps_and_a_second_run_is_refused_with_exit_code_2()
    {
        var steps = new StepLog();
        using var factory = new CrmApiFactory(new Dictionary<string, string>(), services =>
        {
            services.AddSingleton(steps);
            services.AddScoped<IAfterSeed, CountingStep>();
            services.AddScoped<IAfterSeed, SecondStep>();
        });

        Assert.Equal(0, await SeedCommandLine.RunAsync(factory.Services, Tiny, TextWriter.Null));
        Assert.Equal(["CountingStep saw 4 companies", "SecondStep"], steps.Entries);

        Assert.Equal(2, await SeedCommandLine.RunAsync(factory.Services, Tiny, TextWriter.Null));
        Assert.Equal(2, steps.Entries.Count);
    }

    [Fact]
    public async Task A_failing_after_seed_step_exits_with_1_and_leaves_the_committed_data()
    {
        using var factory = new CrmApiFactory(new Dictionary<string, string>(), services => services.AddScoped<IAfterSeed, FailingStep>());

        Assert.Equal(1, await SeedCommandLine.RunAsync(factory.Services, Tiny, TextWriter.Null));

        await using var db = factory.NewDbContext();
        Assert.Equal(4, await db.Companies.CountAsync());
    }

    [Fact]
    public async Task Interrupting_an_after_seed_step_exits_with_130_and_leaves_the_committed_data()
    {
        using var interrupt = new CancellationTokenSource();
        using var factory = new CrmApiFactory(new Dictionary<string, string>(), services => services.AddScoped<IAfterSeed>(_ => new InterruptedStep(interrupt)));
        var seed = ActivatorUtilities.CreateInstance<SeedCommand>(factory.Services);

        Assert.Equal(130, await seed.RunAsync(new CliArguments(Tiny), interrupt.Token));

        await using var db = factory.NewDbContext();
        Assert.Equal(4, await db.Companies.CountAsync());
    }

    public sealed class StepLog
    {
        public List<string> Entries { get; } = [];
    }

    /// <summary>Reads the seeded rows from its own scope: they are committed before the steps run.</summary>
    private sealed class CountingStep(Api.Infrastructure.Data.CrmDbContext db, StepLog log) : IAfterSeed
    {
        public async Task RunAsync(CancellationToken cancellationToken)
            => log.Entries.Add($"{nameof(CountingStep)} saw {await db.Companies.CountAsync(cancellationToken)} companies");
    }

    private sealed class SecondStep(StepLog log) : IAfterSeed
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            log.Entries.Add(nameof(SecondStep));
            return Task.CompletedTask;
        }
    }

    private sealed class FailingStep : IAfterSeed
    {
        public Task RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("the read model could not be rebuilt");
    }

    /// <summary>Ctrl+C while the step runs.</summary>
    private sealed class InterruptedStep(CancellationTokenSource interrupt) : IAfterSeed
    {
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await interrupt.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
