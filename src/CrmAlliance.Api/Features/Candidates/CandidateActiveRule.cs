using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Candidates;

/// <summary>
/// A withdrawn candidate has left the pool (e.g. found work on their own): matching has forgotten them,
/// so they are neither changed, withdrawn again nor proposed for a placement.
/// </summary>
public static class CandidateActiveRule
{
    public const string Name = "CandidateActive";

    /// <param name="refused">What is refused, completing "so …", e.g. "they cannot be changed".</param>
    public static void Enforce(Candidate candidate, string refused, string? field = null)
    {
        if (WhyInactive(candidate) is { } reason)
        {
            throw new RuleViolationException(Name, $"{reason}, so {refused}.", field);
        }
    }

    /// <summary>Null for a candidate in the pool, else when and why they left it.</summary>
    public static string? WhyInactive(Candidate candidate)
        => candidate.WithdrawnAt is { } withdrawnAt
            ? $"The candidate was withdrawn from the pool on {DanishCalendar.DateOf(withdrawnAt):yyyy-MM-dd} (reason: {candidate.WithdrawalReason})"
            : null;
}
