using CrmAlliance.IntegrationTests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.IntegrationTests.Audit;

/// <summary>Tampering with a sealed entry is found by verify-audit. A database of its own: it breaks the chain for good.</summary>
public sealed class AuditTamperTests(CrmApiFactory factory) : IClassFixture<CrmApiFactory>
{
    [Fact]
    public async Task Verify_finds_the_first_tampered_entry_once_the_trigger_is_dropped()
    {
        var entries = await factory.SealedEntriesAsync();
        var victim = entries.OrderBy(e => e.ChainPosition).ElementAt(1);
        await using (var db = factory.NewDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_AppendOnly");
            await db.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET ActorEmail = 'someone.else@test.local' WHERE Sequence = {victim.Sequence}");
        }

        var report = await factory.VerifyAsync();
        var (exit, output) = await factory.VerifyCommandAsync();

        Assert.Equal(victim.ChainPosition, report.Break?.ChainPosition);
        Assert.Equal(1, exit);
        Assert.Contains($"chain position {victim.ChainPosition}", output, StringComparison.Ordinal);
    }
}
