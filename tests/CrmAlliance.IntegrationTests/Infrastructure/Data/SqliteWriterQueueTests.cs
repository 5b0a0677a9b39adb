using CrmAlliance.Api.Infrastructure.Data;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Infrastructure.Data;

/// <summary>
/// The Api's SQLite transactions wait for the write lock in line, first come first served (issue 13: left to
/// SQLite's polling busy handler, early waiters slept while later ones took the lock, and writes' p99 reached 10 s).
/// </summary>
public sealed class SqliteWriterQueueTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    private const int Waiters = 6;

    [Fact]
    public async Task Transactions_waiting_for_the_write_lock_get_it_in_the_order_they_asked()
    {
        var tag = Guid.NewGuid().ToString("N");
        await using var holderScope = factory.Services.CreateAsyncScope();
        var holder = holderScope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var held = await holder.Database.BeginTransactionAsync();
        holder.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = $"{tag}-holder", Xml = "<key/>" });
        await holder.SaveChangesAsync();

        var writers = new List<Task>();
        for (var i = 0; i < Waiters; i++)
        {
            writers.Add(WriteInOwnTransactionAsync($"{tag}-{i}"));
            // Each asks for the lock well after the one before it.
            await Task.Delay(TimeSpan.FromMilliseconds(150));
        }

        await held.CommitAsync();
        await Task.WhenAll(writers);

        await using var db = factory.NewDbContext();
        var order = await db.DataProtectionKeys.Where(k => k.FriendlyName!.StartsWith(tag)).OrderBy(k => k.Id).Select(k => k.FriendlyName).ToListAsync();
        Assert.Equal([$"{tag}-holder", .. Enumerable.Range(0, Waiters).Select(i => $"{tag}-{i}")], order);
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_leaves_the_line_when_its_context_ends()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var abandoned = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await using var transaction = await abandoned.Database.BeginTransactionAsync();
            abandoned.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "abandoned", Xml = "<key/>" });
            await abandoned.SaveChangesAsync();
        }

        var next = WriteInOwnTransactionAsync("after-abandoned");

        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(10))));
    }

    private async Task WriteInOwnTransactionAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = "<key/>" });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
