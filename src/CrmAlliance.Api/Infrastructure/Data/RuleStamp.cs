using CrmAlliance.Api.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>
/// The row that owns a rule's capacity, e.g. a workplace's internship/wage-subsidy places, a candidate's
/// placements or a company's pledge periods. Every write that can use that capacity bumps <see cref="Stamp"/>
/// (an optimistic concurrency token) in its own SaveChanges, after reading the stamp before judging the rule.
/// Two writers that judged the rule on the same state cannot both commit: the second one's
/// <c>UPDATE … WHERE Stamp = @read</c> matches no row (or its first <c>INSERT</c> clashes on the key), on any
/// provider and across any number of Api replicas. Kept in a table of its own so that the owners' forms
/// (company, workplace, candidate with their own versions) never conflict with a rule check, and so that a
/// rule check stages no change event for the owner.
/// </summary>
public sealed class RuleStamp
{
    public required string Scope { get; set; }

    public Guid OwnerId { get; set; }

    public int Stamp { get; set; }
}

public sealed class RuleStampConfiguration : IEntityTypeConfiguration<RuleStamp>
{
    public void Configure(EntityTypeBuilder<RuleStamp> builder)
    {
        builder.HasKey(s => new { s.Scope, s.OwnerId });
        builder.Property(s => s.Scope).HasMaxLength(50);
        builder.Property(s => s.Stamp).IsConcurrencyToken();
    }
}

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

/// <summary>The scopes of <see cref="RuleStamp"/>: which rule's capacity the owner row stands for.</summary>
public static class RuleStampScopes
{
    /// <summary>A workplace's internship/wage-subsidy places (the ratio rule); owner: the workplace.</summary>
    public const string WorkplacePlaces = "WorkplacePlaces";

    /// <summary>A candidate's live placements (one at a time); owner: the candidate.</summary>
    public const string CandidatePlacements = "CandidatePlacements";

    /// <summary>A company's pledge periods (no two overlap); owner: the company.</summary>
    public const string CompanyPledges = "CompanyPledges";
}
