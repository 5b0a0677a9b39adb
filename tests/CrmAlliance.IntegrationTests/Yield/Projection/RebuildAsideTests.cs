using System.Text;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.Api.Features.Yield.Projection.Rebuild;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.IntegrationTests.Placements;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using static CrmAlliance.IntegrationTests.Placements.PlacementDriver;

namespace CrmAlliance.IntegrationTests.Yield.Projection;

/// <summary>
/// The rebuild builds aside and swaps: events that arrive meanwhile reach the swapped model, and a cancelled or
/// crashed rebuild leaves the old model serving and the next one starting cleanly.
/// </summary>
public class RebuildAsideTests : IDisposable
{
    // One company per chunk, so that a test can change a company whose rows the rebuild has already read.
    protected static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Yield:Rebuild:CompaniesPerChunk"] = "1",
        ["Yield:Rebuild:CheckInterval"] = "01:00:00",
        ["Yield:Rebuild:SwapLockTimeout"] = "00:00:00.300",
    };

    private readonly CrmApiFactory factory;

    public RebuildAsideTests()
        : this(new CrmApiFactory(Settings))
    {
    }

    protected RebuildAsideTests(CrmApiFactory factory) => this.factory = factory;

    [Fact]
    public async Task Events_that_arrive_during_a_rebuild_are_in_the_swapped_model()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var workplaces = new List<TestWorkplace>();
        for (var i = 0; i < 4; i++)
        {
            var at = await consultant.RegisterWorkplaceAsync(80 + i);
            await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), at, Today.AddDays(-20 - i));
            workplaces.Add(at);
        }

        await ReadModelSnapshot.SettledAsync(factory);
        List<Guid> order;
        await using (var db = factory.NewDbContext())
        {
            order = (await db.Companies.Select(c => c.Id).ToListAsync()).OrderBy(id => id.ToString().ToUpperInvariant(), StringComparer.Ordinal).ToList();
        }

        // The first of ours in the rebuild's order: changed right after its chunk was read, so only the backlog brings it.
        var changed = workplaces.OrderBy(w => order.IndexOf(Key(w.CompanyId))).First();
        var changedAfterChunk = order.IndexOf(Key(changed.CompanyId)) + 1;
        var backlogSeen = 0;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var rebuild = scope.ServiceProvider.GetRequiredService<YieldRebuild>();
            rebuild.AfterChunk = async chunk =>
            {
                if (chunk != changedAfterChunk)
                {
                    return;
                }

                await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), changed, Today.AddDays(-3));
                await consultant.QueryAsync(
                    "mutation($input: LogContactInput!) { logContact(input: $input) { id } }",
                    new { input = new { companyId = changed.CompanyId, occurredAt = DateTimeOffset.UtcNow.AddDays(-1), channel = "VISIT", summary = "Besøg under genberegningen." } });
                await ReadModelSnapshot.SettledAsync(factory);
                await using var db = factory.NewDbContext();
                backlogSeen = await db.YieldRebuildBacklog.CountAsync();
            };
            await rebuild.RunAsync(null, null, CancellationToken.None);
        }

        string swapped;
        await using (var db = factory.NewDbContext())
        {
            swapped = await ReadModelSnapshot.TakeAsync(db);
            Assert.Empty(await db.YieldRebuildBacklog.ToListAsync());
            Assert.Empty(await db.YieldRebuildRuns.ToListAsync());
            Assert.Equal(2, await db.YieldPlacementFacts.CountAsync(f => f.CompanyId == Key(changed.CompanyId)));
            Assert.Equal(1, await db.YieldContactFacts.CountAsync(f => f.CompanyId == Key(changed.CompanyId)));
        }

        Assert.True(backlogSeen >= 2, $"backlog during the rebuild: {backlogSeen}");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        await using var fresh = factory.NewDbContext();
        Assert.Equal(await ReadModelSnapshot.TakeAsync(fresh), swapped);
    }

    [Fact]
    public async Task A_cancelled_rebuild_leaves_the_old_model_serving_and_nothing_behind()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var at = await consultant.RegisterWorkplaceAsync(90);
        await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), at, Today.AddDays(-10));
        var before = await ReadModelSnapshot.SettledAsync(factory);
        int versionBefore;
        await using (var db = factory.NewDbContext())
        {
            versionBefore = (await db.YieldState.SingleAsync()).Version;
        }

        using var cancellation = new CancellationTokenSource();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var rebuild = scope.ServiceProvider.GetRequiredService<YieldRebuild>();
            rebuild.AfterChunk = _ =>
            {
                cancellation.Cancel();
                return Task.CompletedTask;
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rebuild.RunAsync(null, null, cancellation.Token));
        }

        await using (var db = factory.NewDbContext())
        {
            Assert.Equal(before, await ReadModelSnapshot.TakeAsync(db));
            Assert.Equal(versionBefore, (await db.YieldState.SingleAsync()).Version);
            Assert.Empty(await db.YieldRebuildRuns.ToListAsync());
            Assert.Empty(await AsideTablesAsync(db));
        }

        // The projection goes on without a backlog, and the next rebuild runs.
        await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), at, Today.AddDays(-5));
        var projected = await ReadModelSnapshot.SettledAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        await using var after = factory.NewDbContext();
        Assert.Equal(projected, await ReadModelSnapshot.TakeAsync(after));
        Assert.True((await after.YieldState.SingleAsync()).Version > versionBefore);
        Assert.Empty(await after.YieldRebuildBacklog.ToListAsync());
    }

    [Fact]
    public async Task A_crashed_rebuild_is_taken_over_once_its_lease_has_run_out_and_a_live_one_is_not()
    {
        var consultant = (await factory.CreateUserAsync("CONSULTANT")).Client;
        var at = await consultant.RegisterWorkplaceAsync(90);
        await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), at, Today.AddDays(-10));
        var before = await ReadModelSnapshot.SettledAsync(factory);

        // What a replica that died mid-rebuild leaves: its run (lease) and half-filled aside tables.
        await using (var db = factory.NewDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"YieldCells__next\" (\"Leftover\" INTEGER)");
            db.YieldRebuildRuns.Add(new YieldRebuildRun
            {
                ProjectionFingerprint = "old",
                LeaseHolder = "replica-2/123/abc",
                Phase = nameof(YieldRebuildPhase.Cells),
                LeaseExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1),
                StartedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                UpdatedAt = DateTimeOffset.UtcNow,
                Done = 10,
                Total = 20,
            });
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await Assert.ThrowsAsync<YieldRebuildBusyException>(() => scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None));
        }

        // Events meanwhile go to the live tables and to the backlog the rebuild will replay.
        await consultant.CompletedInternshipAsync(await factory.CreateCandidateAsync(), at, Today.AddDays(-4));
        var projected = await ReadModelSnapshot.SettledAsync(factory);
        Assert.NotEqual(before, projected);
        await using (var db = factory.NewDbContext())
        {
            Assert.NotEmpty(await db.YieldRebuildBacklog.ToListAsync());
            await db.YieldRebuildRuns.ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        await using var after = factory.NewDbContext();
        Assert.Equal(projected, await ReadModelSnapshot.TakeAsync(after));
        Assert.Empty(await after.YieldRebuildRuns.ToListAsync());
        Assert.Empty(await after.YieldRebuildBacklog.ToListAsync());
        Assert.Empty(await AsideTablesAsync(after));
    }

    public void Dispose()
    {
        factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task<List<string>> AsideTablesAsync(Api.Infrastructure.Data.CrmDbContext db)
        => db.Database.IsNpgsql()
            ? await db.Database.SqlQueryRaw<string>("SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = current_schema() AND (tablename LIKE '%\\_\\_next' OR tablename LIKE '%\\_\\_old')").ToListAsync()
            : await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE name LIKE '%\\_\\_next' ESCAPE '\\' AND type = 'table'").ToListAsync();
}

/// <summary>The same on PostgreSQL, which builds aside too (<see cref="PostgresAsideTables"/>).</summary>
[OnPostgres]
public sealed class RebuildAsideOnPostgresTests : RebuildAsideTests
{
    private readonly PostgresApiFactory postgres;

    public RebuildAsideOnPostgresTests()
        : this(new PostgresApiFactory(Settings))
    {
    }

    private RebuildAsideOnPostgresTests(PostgresApiFactory postgres)
        : base(postgres) => this.postgres = postgres;

    [Fact]
    public async Task A_swap_that_cannot_get_its_lock_soon_lets_go_so_queries_do_not_queue_behind_it_and_tries_again()
    {
        var consultant = (await postgres.CreateUserAsync("CONSULTANT")).Client;
        await consultant.CompletedInternshipAsync(await postgres.CreateCandidateAsync(), await consultant.RegisterWorkplaceAsync(60), Today.AddDays(-10));
        await ReadModelSnapshot.SettledAsync(postgres);
        int chunks;
        await using (var db = postgres.NewDbContext())
        {
            chunks = await db.Companies.CountAsync();
        }

        // A long report holds a share lock on the cells for 4 s from the last chunk on, so the swap waits for it.
        Task holding = Task.CompletedTask;
        Task reading = Task.CompletedTask;
        TimeSpan? readerWaited = null;
        await using var scope = postgres.Services.CreateAsyncScope();
        var rebuild = scope.ServiceProvider.GetRequiredService<YieldRebuild>();
        rebuild.AfterChunk = chunk =>
        {
            if (chunk == chunks)
            {
                var locked = new TaskCompletionSource();
                holding = Task.Run(async () =>
                {
                    await using var db = postgres.NewDbContext();
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"YieldCells\" IN ACCESS SHARE MODE");
                    locked.SetResult();
                    await Task.Delay(TimeSpan.FromSeconds(4));
                    await transaction.CommitAsync();
                });
                reading = Task.Run(async () =>
                {
                    // A query that comes while the swap waits: with no time-out it would queue behind the swap's request until the long report ends.
                    await Task.Delay(TimeSpan.FromSeconds(1));
                    await using var db = postgres.NewDbContext();
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    await db.YieldCells.CountAsync();
                    readerWaited = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                });
                return locked.Task;
            }

            return Task.CompletedTask;
        };

        await rebuild.RunAsync(null, null, CancellationToken.None);
        await holding;
        await reading;

        Assert.True(rebuild.SwapRetries >= 1, "the swap never let go");
        Assert.NotNull(readerWaited);
        Assert.True(readerWaited < TimeSpan.FromSeconds(1.5), $"a query waited {readerWaited?.TotalMilliseconds:0} ms behind the swap");
        await using var after = postgres.NewDbContext();
        Assert.Empty(await after.YieldRebuildRuns.ToListAsync());
    }

    [Fact]
    public async Task The_swapped_tables_keep_the_index_and_key_names_of_the_model_that_migrations_refer_to()
    {
        var consultant = (await postgres.CreateUserAsync("CONSULTANT")).Client;
        await consultant.CompletedInternshipAsync(await postgres.CreateCandidateAsync(), await consultant.RegisterWorkplaceAsync(70), Today.AddDays(-10));
        await ReadModelSnapshot.SettledAsync(postgres);

        // The start-up build swapped once already; two more.
        for (var i = 0; i < 2; i++)
        {
            await using var scope = postgres.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        await using var db = postgres.NewDbContext();
        var model = db.Model.GetEntityTypes().Where(e => YieldShadowTables.Tables.Contains(e.GetTableName()))
            .SelectMany(e => e.GetIndexes().Select(i => $"{e.GetTableName()} {i.GetDatabaseName()}").Append($"{e.GetTableName()} {e.FindPrimaryKey()!.GetName()}"))
            .Order(StringComparer.Ordinal).ToList();
        var stored = await db.Database.SqlQueryRaw<string>(
            "SELECT t.relname || ' ' || i.relname AS \"Value\" FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            + "WHERE t.relnamespace = current_schema()::regnamespace").ToListAsync();
        var constraints = await db.Database.SqlQueryRaw<string>(
            "SELECT t.relname || ' ' || c.conname AS \"Value\" FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relnamespace = current_schema()::regnamespace").ToListAsync();

        Assert.Contains("YieldCells PK_YieldCells", model);
        Assert.Equal(model, stored.Where(n => YieldShadowTables.Tables.Contains(n.Split(' ')[0])).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("YieldCells PK_YieldCells", constraints);
        Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '%\\_\\_next'").ToListAsync());
    }
}
