using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.Projection.Rebuild;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Yield.Projection;

/// <summary>
/// A start-up after the yield definitions changed serves the old read model at once; the background service rebuilds
/// it aside, saying how far it has come in the log, and swaps it in.
/// </summary>
public sealed class YieldStartupTests : IDisposable
{
    private readonly CapturedLogs logs = new();
    private readonly CrmApiFactory factory;

    // The background service's own rounds stay out of the way: the test runs its check.
    public YieldStartupTests() => factory = new CrmApiFactory(new Dictionary<string, string> { ["Yield:Rebuild:CheckInterval"] = "01:00:00" }, services => services.AddSingleton<ILoggerProvider>(logs));

    [Fact]
    public async Task Changed_definitions_are_rebuilt_in_the_background_with_progress_in_the_log_while_the_old_model_serves()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var at = await consultant.RegisterWorkplaceAsync(90);
        await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), at, Today.AddDays(-10));
        var before = await ReadModelSnapshot.SettledAsync(factory);
        await using (var db = factory.NewDbContext())
        {
            await db.YieldState.ExecuteUpdateAsync(s => s.SetProperty(x => x.ProjectionFingerprint, "outdated"));
        }

        var logged = logs.Lines.Count;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldStartup>().RunAsync(CancellationToken.None);
        }

        await using (var db = factory.NewDbContext())
        {
            Assert.Equal("outdated", (await db.YieldState.SingleAsync()).ProjectionFingerprint);
        }

        Assert.True(await factory.Services.GetRequiredService<YieldRebuildService>().RebuildIfOutdatedAsync(CancellationToken.None));

        var progress = logs.Lines.Skip(logged).Where(l => l.Contains("Building the yield read model: placements: ", StringComparison.Ordinal)).ToList();
        Assert.True(progress.Count >= 2, string.Join(Environment.NewLine, logs.Lines.Where(l => l.Contains("yield", StringComparison.OrdinalIgnoreCase))));
        Assert.Contains("%", progress[0], StringComparison.Ordinal);
        Assert.Contains(" in ", progress[^1], StringComparison.Ordinal);
        await using var after = factory.NewDbContext();
        Assert.Equal(before, await ReadModelSnapshot.TakeAsync(after));
    }

    public void Dispose() => factory.Dispose();
}
