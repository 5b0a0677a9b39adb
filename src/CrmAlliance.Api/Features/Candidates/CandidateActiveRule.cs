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
        => Enforce(WhyInactive(candidate), refused, field);

    /// <summary>The same rule on a candidate as read, so a page refuses a withdrawn candidate's form before it is filled in.</summary>
    public static void Enforce(CandidateView candidate, Refused refused, string? field = null)
        => Enforce(WhyInactive(candidate), refused, field);

    /// <summary>Null for a candidate in the pool, else when and why they left it.</summary>
    public static RefusalText? WhyInactive(Candidate candidate) => WhyInactive(candidate.WithdrawnAt, candidate.WithdrawalReason);

    /// <inheritdoc cref="WhyInactive(Candidate)"/>
    public static RefusalText? WhyInactive(CandidateView candidate) => WhyInactive(candidate.WithdrawnAt, candidate.WithdrawalReason);

    private static RefusalText? WhyInactive(DateTimeOffset? withdrawnAt, string? withdrawalReason)
        => withdrawnAt is { } at
            ? RefusalText.Of("Candidates.Withdrawn", ("date", DanishCalendar.DateOf(at)), ("reason", withdrawalReason))
            : null;

    private static void Enforce(RefusalText? whyInactive, Refused refused, string? field)
    {
        if (whyInactive is { } reason)
        {
            throw new RuleViolationException(Name, RefusalText.Of("Candidates.Inactive." + refused, ("reason", reason)), field);
        }
    }
}
