using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.Reports;
using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Yield.Reports;

/// <summary>Cached reports are computed afresh after every change the projector makes and after a rebuild.</summary>
public sealed class YieldReportCacheTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_cached_report_is_kept_while_the_read_model_is_unchanged_and_recomputed_after_each_change()
    {
        var computed = 0;
        Task<string> Compute() => Task.FromResult($"computed {++computed}");
        async Task<string> ReadAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            return await scope.ServiceProvider.GetRequiredService<YieldReportCache>().GetOrComputeAsync(db, "test", Compute, CancellationToken.None);
        }

        Assert.Equal("computed 1", await ReadAsync());
        Assert.Equal("computed 1", await ReadAsync());

        // The day clock is one of the projector's changes: it raises the read model's version.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var bookedThrough = (await scope.ServiceProvider.GetRequiredService<CrmDbContext>().YieldState.AsNoTracking().SingleAsync()).DaysBookedThrough;
            await scope.ServiceProvider.GetRequiredService<YieldProjector>().AdvanceDaysAsync(bookedThrough.AddDays(1), CancellationToken.None);
        }

        Assert.Equal("computed 2", await ReadAsync());
        Assert.Equal("computed 2", await ReadAsync());

        int versionBefore;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            versionBefore = (await scope.ServiceProvider.GetRequiredService<CrmDbContext>().YieldState.AsNoTracking().SingleAsync()).Version;
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        Assert.Equal("computed 3", await ReadAsync());

        // A rebuild raises the version too, so a projection that read the old state cannot save over the new model.
        await using var db = factory.NewDbContext();
        Assert.Equal(versionBefore + 1, (await db.YieldState.AsNoTracking().SingleAsync()).Version);
    }
}
