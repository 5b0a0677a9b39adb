using System.Text;
using CrmAlliance.Api.Features;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Infrastructure.Messaging;
using CrmAlliance.Contracts;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Yield.Projection;

public class ProjectionBehaviourTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task A_redelivered_or_repeated_event_changes_nothing()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var at = await consultant.RegisterWorkplaceAsync(90);
        var ended = await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(TargetGroup.Integration), at, Today.AddDays(-40));
        await consultant.MutateOkAsync("recordOutcome", new { placementId = Id(ended), monthsAfterEnd = 1, selfSupporting = true }, OutcomeFields);
        var before = await ReadModelSnapshot.SettledAsync(factory);

        var placementId = Key(Id(ended));
        // The embedded default's publisher returns once every consumer has committed the event's effect.
        var publisher = factory.Services.GetRequiredService<IEventPublisher>();
        var started = new PlacementStarted(placementId, Guid.NewGuid(), Key(at.CompanyId), Key(at.WorkplaceId), null, "Internship", "Integration", Today.AddDays(-67), Today.AddDays(-40));
        var outcome = new OutcomeRecorded(placementId, Key(at.CompanyId), 1, null, true, DateTimeOffset.UtcNow);
        await Task.WhenAll(
            publisher.PublishAsync(started, typeof(PlacementStarted), Guid.NewGuid(), CancellationToken.None),
            publisher.PublishAsync(started, typeof(PlacementStarted), Guid.NewGuid(), CancellationToken.None),
            publisher.PublishAsync(outcome, typeof(OutcomeRecorded), Guid.NewGuid(), CancellationToken.None));
        await publisher.PublishAsync(started, typeof(PlacementStarted), Guid.NewGuid(), CancellationToken.None);

        var after = await ReadModelSnapshot.SettledAsync(factory);
        Assert.Equal(before, after);
        Assert.Contains($"PlacementId={placementId}", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_clock_books_running_placements_days_exactly_as_a_rebuild_through_the_same_day_would()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var at = await consultant.RegisterWorkplaceAsync(90);
        var approved = await consultant.ApprovedInternshipAsync(await factory.CreateCandidateAsync(), at, Today.AddDays(-6));
        await consultant.MutateOkAsync("startPlacement", new { id = Id(approved), version = Version(approved), actualStart = Today.AddDays(-6).Iso() });
        await ReadModelSnapshot.SettledAsync(factory);
        var companyId = Key(at.CompanyId);

        var bookThrough = Today.AddDays(3);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldProjector>().AdvanceDaysAsync(bookThrough, CancellationToken.None);
        }

        string advanced;
        await using (var db = factory.NewDbContext())
        {
            advanced = await ReadModelSnapshot.TakeAsync(db);
            var days = await db.YieldCells.Where(c => c.CompanyId == companyId && c.Grain == Api.Features.Yield.ReadModel.YieldGrain.Year && c.OfferKind == "All" && c.TargetGroup == "All").SumAsync(c => c.PlacementDays);
            Assert.Equal(10, days);
            Assert.Equal(bookThrough, (await db.YieldState.SingleAsync()).DaysBookedThrough);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(bookThrough, null, CancellationToken.None);
        }

        await using var after = factory.NewDbContext();
        Assert.Equal(await ReadModelSnapshot.TakeAsync(after), advanced);
    }

    [Fact]
    public async Task An_interrupted_rebuild_leaves_the_previous_read_model_as_it_was()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var at = await consultant.RegisterWorkplaceAsync(90);
        await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), at, Today.AddDays(-10));
        var before = await ReadModelSnapshot.SettledAsync(factory);

        using var cancellation = new CancellationTokenSource();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // The first progress line is written after the first chunk was saved inside the transaction.
            var rebuild = scope.ServiceProvider.GetRequiredService<YieldRebuild>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rebuild.RunAsync(null, new CancelOnWrite(cancellation), cancellation.Token));
        }

        Assert.True(cancellation.IsCancellationRequested);
        await using var db = factory.NewDbContext();
        Assert.Equal(before, await ReadModelSnapshot.TakeAsync(db));
        Assert.NotNull(await db.YieldState.SingleOrDefaultAsync());
    }

    private sealed class CancelOnWrite(CancellationTokenSource cancellation) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => cancellation.Cancel();

        public override void Write(string? value) => cancellation.Cancel();

        public override void WriteLine(string? value) => cancellation.Cancel();
    }
}

/// <summary>The projection behaves the same on PostgreSQL.</summary>
[OnPostgres]
public sealed class ProjectionBehaviourOnPostgresTests(PostgresApiFactory factory) : ProjectionBehaviourTests(factory), IClassFixture<PostgresApiFactory>;
