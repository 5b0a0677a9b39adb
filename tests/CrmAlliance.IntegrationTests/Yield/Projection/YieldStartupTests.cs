using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Yield.Projection;

/// <summary>A start-up after the yield definitions changed rebuilds the read model and says how far it has come in the log.</summary>
public sealed class YieldStartupTests : IDisposable
{
    private readonly CapturedLogs logs = new();
    private readonly CrmApiFactory factory;

    public YieldStartupTests() => factory = new CrmApiFactory(new Dictionary<string, string>(), services => services.AddSingleton<ILoggerProvider>(logs));

    [Fact]
    public async Task Changed_definitions_rebuild_the_read_model_with_its_progress_in_the_log()
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

        var progress = logs.Lines.Skip(logged).Where(l => l.Contains("Building the yield read model: placements: ", StringComparison.Ordinal)).ToList();
        Assert.True(progress.Count >= 2, string.Join(Environment.NewLine, logs.Lines.Where(l => l.Contains("yield", StringComparison.OrdinalIgnoreCase))));
        Assert.Contains("%", progress[0], StringComparison.Ordinal);
        Assert.Contains(" in ", progress[^1], StringComparison.Ordinal);
        await using var after = factory.NewDbContext();
        Assert.Equal(before, await ReadModelSnapshot.TakeAsync(after));
    }

    public void Dispose() => factory.Dispose();
}
