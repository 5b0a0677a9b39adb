using CrmAlliance.Api.Features.Audit;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.IntegrationTests.Candidates;
using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmAlliance.IntegrationTests.Audit;

/// <summary>The trail is append-only (triggers) and tamper-evident (hash chain, verify-audit).</summary>
public sealed class AuditChainTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task Sealed_entries_form_an_unbroken_chain_that_verify_audit_accepts()
    {
        var entries = await factory.SealedEntriesAsync();

        Assert.True(entries.Count >= 3);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.OrderBy(e => e.ChainPosition).Select(e => e.ChainPosition!.Value));
        var report = await factory.VerifyAsync();
        Assert.True(report.Break is null, report.Break?.ToString());
        Assert.Equal(entries.Count, report.Sealed);
        Assert.Equal(0, (await factory.VerifyCommandAsync()).Exit);
    }

    [Fact]
    public async Task The_triggers_refuse_to_change_or_delete_an_entry_but_let_the_sealer_seal_one_once()
    {
        var sealedEntry = (await factory.SealedEntriesAsync())[^1];
        await using var db = factory.NewDbContext();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET Details = 'harmless' WHERE Sequence = {sealedEntry.Sequence}"));
        var reseal = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET ChainPosition = ChainPosition + 1000 WHERE Sequence = {sealedEntry.Sequence}"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM AuditEntries WHERE Sequence = {sealedEntry.Sequence}"));

        Assert.All([update, reseal, delete], e => Assert.Contains("append-only", e.Message, StringComparison.Ordinal));
        Assert.Equal(sealedEntry.Details, (await factory.EntriesAsync(e => e.Sequence == sealedEntry.Sequence)).Single().Details);
        Assert.Null((await factory.VerifyAsync()).Break);
    }
}
