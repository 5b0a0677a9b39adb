using CrmAlliance.Api.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>Guards a rule that counts rows against concurrent writers (see <see cref="RuleStamp"/>).</summary>
public static class RuleStamps
{
    /// <summary>Attempts of a handler run under <see cref="RetryRacesAsync{T}"/>: the first and two re-checks.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Reads the owner's stamp and bumps it in this unit of work. Call it <em>before</em> reading what the rule
    /// counts: anything committed after this read bumped the stamp too, so this save then fails with a lost race.
    /// </summary>
    public static async Task StampAsync(this CrmDbContext db, string scope, Guid ownerId, CancellationToken cancellationToken)
    {
        var stamp = await db.RuleStamps.SingleOrDefaultAsync(s => s.Scope == scope && s.OwnerId == ownerId, cancellationToken);
        if (stamp is null)
        {
            db.RuleStamps.Add(new RuleStamp { Scope = scope, OwnerId = ownerId, Stamp = 1 });
        }
        else
        {
            stamp.Stamp++;
        }
    }

    /// <summary>
    /// Runs a handler's whole read-judge-save; when its save lost a race on a <see cref="RuleStamp"/>, forgets what
    /// it read and runs it again, so the rule is judged on the winner's state (and refuses with its own message).
    /// After <see cref="MaxAttempts"/> the lost race is the CONFLICT.
    /// </summary>
    public static async Task<T> RetryRacesAsync<T>(this CrmDbContext db, Func<Task<T>> attempt)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (ConflictException ex) when (ex.RaceLost && i < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 10 * i));
            }
        }
    }
}
