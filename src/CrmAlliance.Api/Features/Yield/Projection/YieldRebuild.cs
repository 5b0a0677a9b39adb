using System.Globalization;
using System.Threading.Channels;
using CrmAlliance.Api.Features.Yield.Projection.Rebuild;
using CrmAlliance.Api.Features.Yield.ReadModel;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Yield.Projection;

/// <summary>Another replica (or a <c>rebuild-yield</c>) holds the rebuild's lease.</summary>
public sealed class YieldRebuildBusyException(string holder)
    : InvalidOperationException($"Another yield rebuild is under way ({holder}); it swaps its read model in when done.");

/// <summary>
/// Recomputes the read model from the raw rows <b>aside</b> and swaps it in, so that reports and writers go on
/// meanwhile (on SQLite and PostgreSQL; SQL Server still rebuilds in place, <see cref="YieldInPlaceRebuild"/>):
/// <list type="number">
/// <item>takes the lease (<see cref="YieldRebuildLease"/>); from then on the projection, which keeps the live tables
/// current, also notes every refresh in the backlog;</item>
/// <item>builds <c>Yield*__next</c> (<see cref="IYieldAsideTables"/>) company chunk by chunk with the same
/// <see cref="YieldFactSource"/> and <see cref="YieldContributions"/> as the projection, written in short
/// transactions (<see cref="AsideWriter"/>) while the next chunks are read and computed on another connection;</item>
/// <item>swaps in one short transaction: renames the tables, raises the version, and replays the backlog onto the
/// new tables through the projector, so events that arrived meanwhile are neither lost nor failed.</item>
/// </list>
/// A failed or cancelled rebuild drops its aside tables and gives the lease up: the old model goes on serving.
/// </summary>
public sealed class YieldRebuild(
    CrmDbContext db,
    YieldFactSource source,
    IServiceScopeFactory scopes,
    YieldProjector projector,
    YieldInPlaceRebuild inPlace,
    IYieldAsideTables shadow,
    YieldRebuildLease lease,
    YieldRebuildOptions rebuildOptions,
    YieldOptions options,
    TimeProvider clock)
{
    /// <summary>Test hook: runs after each chunk's rows are queued (e.g. to change source rows mid-rebuild).</summary>
    public Func<int, Task>? AfterChunk { get; set; }

    /// <summary>How often the swap let go of a lock it could not get in time (or a deadlock) and tried again.</summary>
    public int SwapRetries { get; private set; }

    public async Task<YieldRebuildResult> RunAsync(DateOnly? bookThrough, TextWriter? progressOutput, CancellationToken cancellationToken)
    {
        var asOf = bookThrough ?? YieldClockDay.BookThrough(clock);
        if (await lease.TryAcquireAsync(options.ProjectionFingerprint, asOf, cancellationToken) is { } holder)
        {
            throw new YieldRebuildBusyException(holder);
        }

        // The reader and the writer (or the in-place rebuild's one connection, and its compute) each hold a pool thread.
        using var reserve = new ThreadPoolReserve(2);
        try
        {
            if (db.Database.IsSqlServer())
            {
                var result = await inPlace.RunAsync(asOf, progressOutput, cancellationToken);
                await lease.ReleaseAsync(cancellationToken);
                return result;
            }

            try
            {
                return await BuildAsideAndSwapAsync(asOf, progressOutput, cancellationToken);
            }
            finally
            {
                await shadow.ResetConnectionAsync(CancellationToken.None);
            }
        }
        catch
        {
            db.ChangeTracker.Clear();
            if (!db.Database.IsSqlServer())
            {
                await shadow.DropAsync(rebuildOptions, CancellationToken.None);
            }

            await lease.ReleaseAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<YieldRebuildResult> BuildAsideAndSwapAsync(DateOnly asOf, TextWriter? progressOutput, CancellationToken cancellationToken)
    {
        var phases = new RebuildPhases();
        using (phases.Measure("create aside tables"))
        {
            await shadow.CreateAsync(rebuildOptions, cancellationToken);
        }

        var writer = new AsideWriter(db, shadow, lease, rebuildOptions, phases);
        List<YieldCompany> companies;
        using (phases.Measure("read facts"))
        {
            // In the order SQLite sorts the keys (upper-case text), so the cells' primary key grows at its end.
            companies = (await source.CompaniesAsync(_ => true, cancellationToken)).OrderBy(c => c.CompanyId.ToString().ToUpperInvariant(), StringComparer.Ordinal).ToList();
            writer.Total = await db.Placements.CountAsync(p => p.ActualStart != null, cancellationToken);
        }

        await writer.AddRangeAsync(companies, cancellationToken);
        writer.Phase = YieldRebuildPhase.Cells;
        var progress = progressOutput is null ? null : new TerminalProgress("placements", writer.Total, progressOutput);
        var alliance = new Dictionary<YieldCellKey, YieldTotals>();
        var rolledUp = new List<YieldCell>();
        var result = new YieldRebuildResult(companies.Count, 0, 0, 0, 0, 0, asOf);
        var chunkNumber = 0;
        var chunks = Channel.CreateBounded<PreparedChunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stopPreparing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var preparing = Task.Run(() => PrepareChunksAsync(companies, asOf, chunks.Writer, alliance, rolledUp, phases, stopPreparing.Token), CancellationToken.None);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
            {
                await WriteChunkAsync(writer, chunk, cancellationToken);
                result = result with
                {
                    Placements = result.Placements + chunk.Facts.Placements.Count,
                    Vacancies = result.Vacancies + chunk.Facts.Vacancies.Count,
                    Contacts = result.Contacts + chunk.Facts.Contacts.Count,
                    Pledges = result.Pledges + chunk.Facts.Pledges.Count,
                    Cells = result.Cells + chunk.CompanyCells,
                };
                writer.Done += chunk.Facts.Placements.Count;
                progress?.Advance(chunk.Facts.Placements.Count);
                if (AfterChunk is { } hook)
                {
                    await hook(++chunkNumber);
                }
            }
        }
        finally
        {
            await stopPreparing.CancelAsync();
            await preparing;
        }

        // The companies' quarter and year cells last, in the order rankings and summaries read them, so that
        // a period's cells of every company lie together on disk (a year's ranking read 4× faster so on SQLite).
        using (phases.Measure("order quarter/year cells"))
        {
            rolledUp.Sort(RolledUpOrder);
        }

        await writer.AddRangeAsync(rolledUp, cancellationToken);
        await writer.AddRangeAsync(alliance.Select(a => PreparedChunk.ToCell(a.Key, a.Value)), cancellationToken);
        writer.Phase = YieldRebuildPhase.Swapping;
        await writer.WriteAsync(cancellationToken);

        using (phases.Measure("swap"))
        {
            await shadow.DurableCommitsAsync(true, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await SwapAsync(asOf, cancellationToken);
                    break;
                }
                catch (Exception e) when (attempt < rebuildOptions.SwapAttempts && shadow.IsLockConflict(e))
                {
                    db.ChangeTracker.Clear();
                    SwapRetries++;
                    await Task.Delay(rebuildOptions.PauseBetweenTransactions * attempt, cancellationToken);
                }
            }

            await shadow.DurableCommitsAsync(false, cancellationToken);
        }

        using (phases.Measure("empty and drop the old tables"))
        {
            // The new model serves already; a failure here leaves old tables that the next rebuild drops first.
            await shadow.DropRetiredAsync(rebuildOptions, CancellationToken.None);
        }

        progress?.Complete();
        if (progressOutput is not null)
        {
            await progressOutput.WriteLineAsync(phases.Describe() + string.Create(CultureInfo.InvariantCulture, $"; longest write transaction {writer.LongestHold.TotalMilliseconds:0} ms, longest clean-up statement {shadow.LongestCleanupHold.TotalMilliseconds:0} ms"));
        }

        return result with { Cells = result.Cells + alliance.Count };
    }

    /// <summary>
    /// Reads and computes the chunks on a connection of its own, at most one chunk ahead of the writer: SQLite
    /// writes on one core while the facts are read and their contributions computed on the other.
    /// </summary>
    private async Task PrepareChunksAsync(List<YieldCompany> companies, DateOnly asOf, ChannelWriter<PreparedChunk> chunks, Dictionary<YieldCellKey, YieldTotals> alliance, List<YieldCell> rolledUp, RebuildPhases phases, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reader = scope.ServiceProvider.GetRequiredService<YieldFactSource>();
            var computer = scope.ServiceProvider.GetRequiredService<YieldContributions>();
            foreach (var chunk in companies.Select(c => c.CompanyId).Chunk(rebuildOptions.CompaniesPerChunk))
            {
                // Not before the writer has taken the last one: two chunks in memory at once, not three.
                await chunks.WaitToWriteAsync(cancellationToken);
                var facts = await YieldChunkFacts.ReadAsync(reader, computer, chunk, asOf, phases, cancellationToken);
                PreparedChunk prepared;
                using (phases.Measure("order cells"))
                {
                    prepared = PreparedChunk.From(chunk, facts, alliance, rolledUp);
                }

                await chunks.WriteAsync(prepared, cancellationToken);
            }

            chunks.Complete();
        }
        catch (Exception e)
        {
            chunks.Complete(e);
        }
    }

    private static async Task WriteChunkAsync(AsideWriter writer, PreparedChunk chunk, CancellationToken cancellationToken)
    {
        await writer.AddRangeAsync(chunk.MonthCells, cancellationToken);
        await writer.AddRangeAsync(chunk.Facts.Placements, cancellationToken);
        await writer.AddRangeAsync(chunk.Facts.Vacancies, cancellationToken);
        await writer.AddRangeAsync(chunk.Facts.Contacts, cancellationToken);
        await writer.AddRangeAsync(chunk.Facts.Pledges, cancellationToken);
    }

    /// <summary>
    /// One short transaction: the aside tables replace the live ones, the state takes the rebuild's definitions and
    /// day with a higher version (so a projection that read the old tables fails its save and retries on the new),
    /// and the refreshes applied to the live tables meanwhile are applied again to the new ones.
    /// </summary>
    private async Task SwapAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.YieldRebuildRuns.AnyAsync(r => r.LeaseHolder == YieldRebuildLease.Holder, cancellationToken))
        {
            throw new InvalidOperationException("The yield rebuild lost its lease before the swap; the other holder goes on.");
        }

        await shadow.SwapInAsync(rebuildOptions, cancellationToken);
        await db.YieldChanges.ExecuteDeleteAsync(cancellationToken);
        var backlog = await db.YieldRebuildBacklog.AsNoTracking().Select(b => new { b.Kind, b.RowId }).Distinct().ToListAsync(cancellationToken);
        await db.YieldRebuildBacklog.ExecuteDeleteAsync(cancellationToken);
        await db.YieldRebuildRuns.ExecuteDeleteAsync(cancellationToken);

        var state = await db.YieldState.SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            state = new YieldState { ProjectionFingerprint = options.ProjectionFingerprint };
            db.YieldState.Add(state);
        }

        state.DaysBookedThrough = asOf;
        state.ProjectionFingerprint = options.ProjectionFingerprint;
        state.RebuiltAt = clock.GetUtcNow();
        state.Version++;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (backlog.Count > 0)
        {
            await projector.RefreshAsync(backlog.Select(b => new YieldRefresh((YieldRefreshKind)b.Kind, b.RowId)).ToList(), cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static int RolledUpOrder(YieldCell a, YieldCell b)
    {
        var order = a.Grain.CompareTo(b.Grain);
        order = order != 0 ? order : a.PeriodStart.CompareTo(b.PeriodStart);
        order = order != 0 ? order : string.CompareOrdinal(a.OfferKind, b.OfferKind);
        order = order != 0 ? order : string.CompareOrdinal(a.TargetGroup, b.TargetGroup);
        return order != 0 ? order : a.CompanyId.CompareTo(b.CompanyId);
    }
}
