using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmAlliance.Api.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Features.Audit;

/// <summary>The first entry whose chain does not hold, and why.</summary>
public sealed record AuditChainBreak(long ChainPosition, long Sequence, string Reason);

/// <param name="Sealed">Entries checked.</param>
/// <param name="Unsealed">Entries written but not yet sealed (the sealer takes them within seconds).</param>
/// <param name="Break">Null when every sealed entry holds.</param>
public sealed record AuditChainReport(long Sealed, long Unsealed, AuditChainBreak? Break);

/// <summary>
/// The hash chain: each sealed entry's hash is SHA-256 over a canonical form of its content (the stored values, so
/// encrypted values are hashed as ciphertext and crypto-shredding leaves the chain intact) followed by the previous
/// entry's hash (32 zero bytes for the first).
/// </summary>
public static class AuditChain
{
    private const char Separator = '\u001f';
    private const int VerifyBatch = 2_000;

    public static byte[] HashOf(AuditEntry e, long chainPosition, byte[] previous)
    {
        var canonical = string.Join(Separator, new[]
        {
            chainPosition.ToString(CultureInfo.InvariantCulture),
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.ActorUserId,
            e.ActorEmail ?? "",
            e.ActorRole,
            e.Action.ToString(),
            e.EntityType,
            e.EntityId ?? "",
            e.CandidateId?.ToString() ?? "",
            e.Fields ?? "",
            e.Changes ?? "",
            e.Details ?? "",
            e.RowCount?.ToString(CultureInfo.InvariantCulture) ?? "",
        });
        var content = Encoding.UTF8.GetBytes(canonical);
        return SHA256.HashData([.. content, .. previous]);
    }

    /// <summary>Walks the sealed entries in chain order and reports the first that does not hold.</summary>
    public static async Task<AuditChainReport> VerifyAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var previous = new byte[32];
        long expected = 1;
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.ChainPosition != null);
        while (true)
        {
            var batch = await entries.Where(e => e.ChainPosition >= expected).OrderBy(e => e.ChainPosition).Take(VerifyBatch).ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                var reason = entry.ChainPosition != expected ? $"position {expected} is missing"
                    : entry.PreviousHash is null || !entry.PreviousHash.AsSpan().SequenceEqual(previous) ? "its previous hash is not the hash of the entry before it"
                    : entry.Hash is null || !entry.Hash.AsSpan().SequenceEqual(HashOf(entry, expected, previous)) ? "its content does not match its hash"
                    : null;
                if (reason is not null)
                {
                    return new(expected - 1, await UnsealedAsync(db, cancellationToken), new AuditChainBreak(expected, entry.Sequence, reason));
                }

                previous = entry.Hash!;
                expected++;
            }

            if (batch.Count < VerifyBatch)
            {
                return new(expected - 1, await UnsealedAsync(db, cancellationToken), null);
            }
        }
    }

    private static Task<int> UnsealedAsync(CrmDbContext db, CancellationToken cancellationToken)
        => db.AuditEntries.CountAsync(e => e.ChainPosition == null, cancellationToken);
}
