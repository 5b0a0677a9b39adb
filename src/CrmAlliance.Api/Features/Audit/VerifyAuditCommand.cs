using System.CommandLine;
using System.Globalization;
using CrmAlliance.Api.Infrastructure.Commands;
using CrmAlliance.Api.Infrastructure.Data;

namespace CrmAlliance.Api.Features.Audit;

/// <summary><c>verify-audit</c>: seals what waits, then walks the hash chain; exit code 1 at the first broken entry.</summary>
public sealed class VerifyAuditCommand(CrmDbContext db, AuditSealer sealer) : ICliCommand
{
    public string Name => "verify-audit";

    public string Usage => "Usage: verify-audit";

    public Command CreateDefinition() => new(Name, "Check the audit trail's hash chain; exit code 1 names the first entry that was changed, removed or reordered.");

    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        await sealer.SealAllAsync(cancellationToken);
        var report = await AuditChain.VerifyAsync(db, cancellationToken);
        if (report.Break is { } broken)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"The audit trail is BROKEN at chain position {broken.ChainPosition} (entry {broken.Sequence}): {broken.Reason}. {report.Sealed:N0} entries before it hold."));
            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The audit trail holds: {report.Sealed:N0} sealed entries verified; {report.Unsealed:N0} not yet sealed."));
        return 0;
    }
}
