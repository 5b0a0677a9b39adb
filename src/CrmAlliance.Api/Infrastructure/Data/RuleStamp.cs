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
