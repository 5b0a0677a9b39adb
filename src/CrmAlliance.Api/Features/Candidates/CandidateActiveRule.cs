using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Candidates;

/// <summary>
/// A withdrawn candidate has left the pool (e.g. found work on their own): matching has forgotten them,
/// so they are neither changed, withdrawn again nor proposed for a placement.
/// </summary>
public static class CandidateActiveRule
{
    public const string Name = "CandidateActive";

    /// <summary>What is refused, completing "so …".</summary>
    public enum Refused
    {
        Change,
        WithdrawAgain,
        Propose,
    }

    public static void Enforce(Candidate candidate, Refused refused, string? field = null)
    {
        if (WhyInactive(candidate) is { } reason)
        {
            throw new RuleViolationException(Name, RefusalText.Of("Candidates.Inactive." + refused, ("reason", reason)), field);
        }
    }

    /// <summary>Null for a candidate in the pool, else when and why they left it.</summary>
    public static RefusalText? WhyInactive(Candidate candidate)
        => candidate.WithdrawnAt is { } withdrawnAt
            ? RefusalText.Of("Candidates.Withdrawn", ("date", DanishCalendar.DateOf(withdrawnAt)), ("reason", candidate.WithdrawalReason))
            : null;
}
