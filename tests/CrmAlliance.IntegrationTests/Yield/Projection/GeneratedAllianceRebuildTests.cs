using System.Diagnostics;
using CrmAlliance.Api.Features.Yield.Projection;
using CrmAlliance.DataGeneration;
using CrmAlliance.IntegrationTests.DataGeneration;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Yield.Projection;

/// <summary>A generated alliance (200 companies, 10,000 placements) in a real SQLite file, for rebuilds large enough to take seconds.</summary>
public class GeneratedAlliance : IAsyncLifetime
{
    public static readonly SeedOptions Options = new(200, 10_000, 42, new DateOnly(2026, 6, 30), 5);

    // Short transactions, so that the rebuild takes many of them and a writer has many chances to be kept waiting.
    protected static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string> { ["Yield:Rebuild:LockHold"] = "00:00:00.100" };

    public GeneratedAlliance()
        : this(new CrmApiFactory(Settings))
    {
    }

    protected GeneratedAlliance(CrmApiFactory factory) => Factory = factory;

    public CrmApiFactory Factory { get; }

    public async Task InitializeAsync() => await Factory.SeedAsync(Options);

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The aside rebuild on a generated alliance: the same rows as the in-place algorithm, and writers go on meanwhile.</summary>
public sealed class GeneratedAllianceRebuildTests(GeneratedAlliance alliance) : IClassFixture<GeneratedAlliance>
{
    [Fact]
    public Task The_aside_rebuild_gives_exactly_the_rows_of_the_in_place_algorithm() => AsideEqualsInPlaceAsync(alliance);

    /// <summary>Rebuilds in place, then aside, and compares every row of the read model.</summary>
    internal static async Task AsideEqualsInPlaceAsync(GeneratedAlliance alliance)
    {
        await using (var scope = alliance.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldInPlaceRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        string inPlace;
        await using (var db = alliance.Factory.NewDbContext())
        {
            inPlace = await ReadModelSnapshot.TakeAsync(db);
        }

        await using (var scope = alliance.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, null, CancellationToken.None);
        }

        await using var after = alliance.Factory.NewDbContext();
        var aside = await ReadModelSnapshot.TakeAsync(after);
        Assert.True(inPlace.Length > 1_000_000, $"too little data to compare: {inPlace.Length} characters");
        Assert.Equal(inPlace, aside);
    }

    [Fact]
    public async Task A_writer_never_waits_a_second_while_the_read_model_is_rebuilt()
    {
        string dataSource;
        await using (var db = alliance.Factory.NewDbContext())
        {
            dataSource = db.Database.GetDbConnection().DataSource;
        }

        await using var writer = new SqliteConnection($"Data Source={dataSource}");
        await writer.OpenAsync();
        await Execute(writer, "PRAGMA busy_timeout = 30000; CREATE TABLE IF NOT EXISTS WriterProbe (At INTEGER NOT NULL);");

        var progress = new StringWriter();
        var rebuilding = Task.Run(async () =>
        {
            var started = Stopwatch.GetTimestamp();
            await using var scope = alliance.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<YieldRebuild>().RunAsync(null, progress, CancellationToken.None);
            return Stopwatch.GetElapsedTime(started);
        });

        var waits = new List<TimeSpan>();
        while (!rebuilding.IsCompleted)
        {
            var started = Stopwatch.GetTimestamp();
            await Execute(writer, "INSERT INTO WriterProbe (At) VALUES (1);");
            waits.Add(Stopwatch.GetElapsedTime(started));
            await Task.Delay(20);
        }

        var rebuildTime = await rebuilding;
        // The in-place rebuild holds the write lock throughout: the writer gets in a few times at most. The target
        // itself (no wait over 1 s) is measured on the 5,000-company data set (README); here, on a shared CI machine,
        // the bound only has to tell a short hold from a rebuild-long one.
        Assert.True(waits.Count >= 20, $"only {waits.Count} writes during a rebuild of {rebuildTime.TotalSeconds:0.0} s");
        Assert.True(waits.Max() < TimeSpan.FromSeconds(2.5), $"a writer waited {waits.Max().TotalMilliseconds:0} ms during a rebuild of {rebuildTime.TotalSeconds:0.0} s ({waits.Count} writes); {progress}");
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The same generated alliance in a PostgreSQL database of its own.</summary>
public sealed class GeneratedAllianceOnPostgres() : GeneratedAlliance(new PostgresApiFactory(Settings));

/// <summary>PostgreSQL's aside rebuild (<c>PostgresAsideTables</c>) gives exactly the in-place algorithm's rows too.</summary>
[OnPostgres]
public sealed class GeneratedAllianceRebuildOnPostgresTests(GeneratedAllianceOnPostgres alliance) : IClassFixture<GeneratedAllianceOnPostgres>
{
    [Fact]
    public Task The_aside_rebuild_gives_exactly_the_rows_of_the_in_place_algorithm() => GeneratedAllianceRebuildTests.AsideEqualsInPlaceAsync(alliance);
}
